/** TMF656 Service Problem Management: outages and planned maintenance by area. */
import * as z from 'zod';
import { type Outage, isOutageOver } from '../../domain/outage.js';
import type { HttpClient } from '../http.js';
import { check, listMatching } from './checked-list.js';
import { TimePeriod } from './common.js';

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

/** A postal code or area as compared: upper case, without spaces (`H2X 1Y4` → `H2X1Y4`). */
const compact = (value: string) => value.replace(/\s+/g, '').toUpperCase();
/** A Canadian postal code or its beginning (an area such as `H2X`). */
const POSTAL_AREA = /^[A-Z]\d[A-Z](\d([A-Z]\d?)?)?$|^[A-Z]\d?$/;

/**
 * The postal areas a problem's locations name: a `postCode` when the location carries one (an
 * embedded address), else a name or id written as a postal code or its beginning (`H2X`, or a
 * `FSA-H2X` id). Undefined when no location says where it is.
 */
function postalAreasOf(problem: ServiceProblem): string[] | undefined {
  const areas: string[] = [];
  for (const location of problem.affectedLocation ?? []) {
    const record = location as Record<string, unknown>;
    const candidates = [record.postCode, record.postcode, location.name, location.id?.replace(/^FSA-/i, '')];
    const area = candidates.find((value): value is string => typeof value === 'string' && POSTAL_AREA.test(compact(value)));
    if (area !== undefined) areas.push(compact(area));
  }
  return areas.length > 0 ? areas : undefined;
}

/** Whether a problem affects a postal code (or a prefix of one); undefined when its locations do not say. */
function affects(problem: ServiceProblem, postalCode: string): boolean | undefined {
  const code = compact(postalCode);
  return postalAreasOf(problem)?.some((area) => code.startsWith(area) || area.startsWith(code));
}

/** Outages affecting a postal code, or every outage when none is given. */
export async function listOutages(client: HttpClient, postalCode?: string): Promise<Outage[]> {
  const query = postalCode === undefined ? {} : { 'affectedLocation.postCode': postalCode };
  const problems = await listMatching(client, SERVICE_PROBLEM_PATH, ServiceProblem, 'ServiceProblem', {
    query,
    checks: [check('affectedLocation.postCode', postalCode, affects, 'affectedLocation')],
  });
  const outages = problems.map(toOutage);
  // TMF656 v4 has no attribute for when service is expected back: only espace's extension says.
  const current = outages.filter((outage) => !isOutageOver(outage));
  if (current.length > 0 && current.every((outage) => outage.estimatedRestoration === undefined)) {
    client.notice('outage.noEstimate', { resource: 'ServiceProblem' });
  }
  return outages;
}
