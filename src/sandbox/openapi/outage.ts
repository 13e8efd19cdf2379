/** The OpenAPI paths, schemas and tag of TMF656 serviceProblem (spread into ../openapi.ts). */
import { SERVICE_PROBLEM_FILTERS } from '../outages/routes.js';
import { ESPACE_SERVICE_PROBLEM, SERVICE_PROBLEM_API } from '../outages/resource.js';

type Json = Record<string, unknown>;

const ref = (kind: string, name: string): Json => ({ $ref: `#/components/${kind}/${name}` });
const text = (description: string, extra: Json = {}): Json => ({ type: 'string', description, ...extra });
const errors = Object.fromEntries(
  [
    ['400', 'BadRequest'],
    ['401', 'Unauthorized'],
    ['404', 'NotFound'],
    ['405', 'MethodNotAllowed'],
    ['500', 'InternalError'],
  ].map(([status, name]) => [status, ref('responses', name!)]),
);
const FILTER_DESCRIPTIONS: Record<(typeof SERVICE_PROBLEM_FILTERS)[number], string> = {
  'affectedLocation.postCode': 'espace extension: problems affecting this postal code or prefix (e.g. "H2X 1Y4" or "H2X")',
  status: 'Problems in these states (comma-separated): acknowledged, inProgress, resolved',
  category: 'Problems of these categories (comma-separated): outage, plannedMaintenance',
};

export const OUTAGE_TAGS: Json[] = [{ name: 'serviceProblem', description: 'TMF656 Service Problem (outages and planned maintenance)' }];

export const OUTAGE_PATHS: Record<string, Json> = {
  [`${SERVICE_PROBLEM_API}/serviceProblem`]: {
    get: {
      operationId: 'listServiceProblem',
      tags: ['serviceProblem'],
      summary: 'List outages and planned maintenance windows (every authenticated caller sees all)',
      security: [{ bearerAuth: [] }],
      parameters: [
        ref('parameters', 'fields'),
        ref('parameters', 'offset'),
        ref('parameters', 'limit'),
        ...SERVICE_PROBLEM_FILTERS.map((name) => ({ name, in: 'query', required: false, description: FILTER_DESCRIPTIONS[name], schema: { type: 'string' } })),
      ],
      responses: {
        '200': {
          description: 'Success (one page of results)',
          headers: {
            'X-Total-Count': ref('headers', 'X-Total-Count'),
            'X-Result-Count': ref('headers', 'X-Result-Count'),
            'X-Request-Id': ref('headers', 'X-Request-Id'),
          },
          content: { 'application/json': { schema: { type: 'array', items: ref('schemas', ESPACE_SERVICE_PROBLEM) } } },
        },
        ...errors,
      },
    },
  },
  [`${SERVICE_PROBLEM_API}/serviceProblem/{id}`]: {
    get: {
      operationId: 'retrieveServiceProblem',
      tags: ['serviceProblem'],
      summary: 'Retrieve an outage or planned maintenance window',
      security: [{ bearerAuth: [] }],
      parameters: [ref('parameters', 'id'), ref('parameters', 'fields')],
      responses: { '200': { description: 'Success', content: { 'application/json': { schema: ref('schemas', ESPACE_SERVICE_PROBLEM) } } }, ...errors },
    },
  },
};

export const OUTAGE_SCHEMAS: Record<string, Json> = {
  [ESPACE_SERVICE_PROBLEM]: {
    type: 'object',
    description:
      'TMF656 ServiceProblem with two espace extensions: estimatedRestorationDate (when service is expected back, or was back ' +
      'once resolved) and plannedWindow (maintenance only). Dates follow the sandbox clock.',
    required: ['id', 'href', 'category', 'status', 'affectedLocation', 'affectedService', 'estimatedRestorationDate', '@type'],
    properties: {
      id: text('Identifier'),
      href: text('Reference of the problem', { format: 'uri' }),
      name: text('Short title'),
      description: text('What happened and what is being done'),
      category: text('outage or plannedMaintenance', { enum: ['outage', 'plannedMaintenance'] }),
      status: text('TMF656 state', { enum: ['acknowledged', 'inProgress', 'resolved'] }),
      priority: { type: 'integer', description: '1 (highest) to 10' },
      creationDate: text('When the problem was raised', { format: 'date-time' }),
      lastUpdate: text('Last change', { format: 'date-time' }),
      statusChangeDate: text('Last status change', { format: 'date-time' }),
      resolutionDate: text('When service came back (resolved problems only)', { format: 'date-time' }),
      estimatedRestorationDate: text('espace extension: when service is expected back', { format: 'date-time' }),
      plannedWindow: {
        type: 'object',
        description: 'espace extension: the maintenance window',
        properties: { startDateTime: text('Start', { format: 'date-time' }), endDateTime: text('End', { format: 'date-time' }) },
      },
      affectedLocation: {
        type: 'array',
        description: 'Areas affected: postal-code prefixes (forward sortation areas)',
        items: {
          type: 'object',
          properties: { id: text('FSA-<prefix>'), name: text('The prefix, e.g. H2X'), role: text('affectedArea'), '@referredType': text('GeographicArea') },
        },
      },
      affectedService: {
        type: 'array',
        description: 'Services affected',
        items: { type: 'object', properties: { id: text('internet, tv, homePhone or mobile'), name: text('Same as id'), '@referredType': text('Service') } },
      },
      originatingSystem: text('Who reported it'),
      '@baseType': text('ServiceProblem'),
      '@type': text(ESPACE_SERVICE_PROBLEM),
    },
  },
};
