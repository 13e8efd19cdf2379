/** The wire contract of TMF656 serviceProblem as the sandbox serves it (see ../contract/route-schema.ts). */
import * as z from 'zod';
import { dateTime, filter, idParams, listQuery, retrieveQuery } from '../contract/tmf-common.js';
import { model, queryNames, routeSchema } from '../contract/route-schema.js';

export const ESPACE_SERVICE_PROBLEM = 'EspaceServiceProblem';

export const ServiceProblemModel = model(
  ESPACE_SERVICE_PROBLEM,
  z
    .object({
      id: z.string().describe('Identifier'),
      href: z.string().describe('Reference of the problem').meta({ format: 'uri' }),
      name: z.string().describe('Short title'),
      description: z.string().describe('What happened and what is being done'),
      category: z.enum(['outage', 'plannedMaintenance']),
      status: z.enum(['acknowledged', 'inProgress', 'resolved']).describe('TMF656 state'),
      priority: z.number().int().describe('1 (highest) to 10'),
      creationDate: dateTime('When the problem was raised'),
      lastUpdate: dateTime('Last change'),
      statusChangeDate: dateTime('Last status change'),
      resolutionDate: dateTime('When service came back (resolved problems only)').optional(),
      estimatedRestorationDate: dateTime('espace extension: when service is expected back, or was back once resolved'),
      plannedWindow: z
        .object({ startDateTime: dateTime('Start'), endDateTime: dateTime('End') })
        .describe('espace extension: the maintenance window (planned maintenance only)')
        .optional(),
      affectedLocation: z
        .array(
          z.object({
            id: z.string().describe('FSA-<prefix>'),
            name: z.string().describe('The prefix, e.g. H2X'),
            role: z.literal('affectedArea'),
            '@referredType': z.literal('GeographicArea'),
          }),
        )
        .describe('Areas affected: postal-code prefixes (forward sortation areas)'),
      affectedService: z
        .array(z.object({ id: z.string().describe('internet, tv, homePhone or mobile'), name: z.string(), '@referredType': z.literal('Service') }))
        .describe('Services affected'),
      originatingSystem: z.string().describe('Who reported it'),
      '@baseType': z.literal('ServiceProblem'),
      '@type': z.literal(ESPACE_SERVICE_PROBLEM),
    })
    .describe(
      'TMF656 ServiceProblem with two espace extensions: estimatedRestorationDate (when service is expected back, or was back ' +
        'once resolved) and plannedWindow (maintenance only). Dates follow the sandbox clock.',
    ),
);

export type ServiceProblem = z.infer<typeof ServiceProblemModel>;

const ServiceProblemListQuery = listQuery({
  'affectedLocation.postCode': filter('espace extension: problems affecting this postal code or prefix (e.g. "H2X 1Y4" or "H2X")'),
  status: filter('Problems in these states (comma-separated): acknowledged, inProgress, resolved'),
  category: filter('Problems of these categories (comma-separated): outage, plannedMaintenance'),
});

export const listServiceProblem = routeSchema({
  operationId: 'listServiceProblem',
  tags: ['serviceProblem'],
  summary: 'List outages and planned maintenance windows (every authenticated caller sees all)',
  querystring: ServiceProblemListQuery,
  response: { 200: z.array(ServiceProblemModel) },
});

export const retrieveServiceProblem = routeSchema({
  operationId: 'retrieveServiceProblem',
  tags: ['serviceProblem'],
  summary: 'Retrieve an outage or planned maintenance window',
  params: idParams,
  querystring: retrieveQuery,
  response: { 200: ServiceProblemModel },
});

/** The filters `parseQuery` accepts on the list, from the same contract. */
export const SERVICE_PROBLEM_FILTERS = queryNames(ServiceProblemListQuery);
