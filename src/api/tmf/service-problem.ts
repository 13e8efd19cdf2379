/** TMF656 Service Problem Management: outages and planned maintenance by area. */
import { z } from 'zod';
import type { Outage } from '../../domain/outage.js';
import type { HttpClient } from '../http.js';
import { TimePeriod, listAll } from './common.js';

export const SERVICE_PROBLEM_PATH = '/tmf-api/serviceProblemManagement/v4/serviceProblem';

export const ServiceProblem = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  category: z.string().optional(),
  status: z.string().optional(),
  creationDate: z.string().optional(),
  resolutionDate: z.string().optional(),
  estimatedRestorationDate: z.string().optional(),
  plannedWindow: TimePeriod.optional(),
  affectedLocation: z.array(z.looseObject({ id: z.string().optional(), name: z.string().optional() })).optional(),
  affectedService: z.array(z.looseObject({ id: z.string().optional(), name: z.string().optional() })).optional(),
});
export type ServiceProblem = z.infer<typeof ServiceProblem>;

export function toOutage(problem: ServiceProblem): Outage {
  const names = (refs: { id?: string; name?: string }[] | undefined) =>
    (refs ?? []).map((ref) => ref.name ?? ref.id).filter((name): name is string => name !== undefined);
  return {
    id: problem.id,
    name: problem.name ?? problem.id,
    description: problem.description,
    category: problem.category ?? 'outage',
    status: problem.status ?? 'acknowledged',
    areas: names(problem.affectedLocation),
    services: names(problem.affectedService),
    raisedAt: problem.creationDate,
    windowStart: problem.plannedWindow?.startDateTime,
    estimatedRestoration: problem.estimatedRestorationDate ?? problem.plannedWindow?.endDateTime,
    resolvedAt: problem.resolutionDate,
  };
}

/** Outages affecting a postal code, or every outage when none is given. */
export async function listOutages(client: HttpClient, postalCode?: string): Promise<Outage[]> {
  const query = postalCode === undefined ? {} : { 'affectedLocation.postCode': postalCode };
  const problems = await listAll(client, SERVICE_PROBLEM_PATH, ServiceProblem, 'ServiceProblem', { query });
  return problems.map(toOutage);
}
