/**
 * TMF656 ServiceProblem representation of a seeded outage: the documented subtype
 * `EspaceServiceProblem`, which adds what TMF656 v4 has no attribute for: when service is expected
 * back (`estimatedRestorationDate`) and a maintenance window (`plannedWindow`).
 */
import { problemStatusAt } from '../clock/outage-schedule.js';
import type { SeededProblem } from './catalog.js';
import { ESPACE_SERVICE_PROBLEM, type ServiceProblem } from './contract.js';

export const SERVICE_PROBLEM_API = '/tmf-api/serviceProblemManagement/v4';

const HOUR_MS = 3_600_000;

export function serviceProblemHref(origin: string, id: string): string {
  return `${origin}${SERVICE_PROBLEM_API}/serviceProblem/${encodeURIComponent(id)}`;
}

/**
 * The problem with its dates placed relative to `scheduledFrom` (the hour the sandbox clock began;
 * clock/outage-schedule.ts), truncated to the hour, and its status as of `now`.
 */
export function serviceProblemResource(origin: string, problem: SeededProblem, now: Date, scheduledFrom: Date = now): ServiceProblem {
  const hour = Math.floor(scheduledFrom.getTime() / HOUR_MS) * HOUR_MS;
  const at = (hours: number) => new Date(hour + hours * HOUR_MS).toISOString();
  const raised = at(problem.raisedAtHours);
  const restoration = at(problem.restorationAtHours);
  const status = problemStatusAt(problem, scheduledFrom.toISOString(), now);
  const resolved = status === 'resolved';
  const started = problem.windowStartHours !== undefined && status === 'inProgress' ? at(problem.windowStartHours) : raised;
  return {
    id: problem.id,
    href: serviceProblemHref(origin, problem.id),
    name: problem.name,
    description: problem.description,
    category: problem.category,
    status: status as ServiceProblem['status'],
    priority: problem.priority,
    creationDate: raised,
    lastUpdate: resolved ? restoration : started,
    statusChangeDate: resolved ? restoration : started,
    ...(resolved ? { resolutionDate: restoration } : {}),
    estimatedRestorationDate: restoration,
    ...(problem.windowStartHours !== undefined ? { plannedWindow: { startDateTime: at(problem.windowStartHours), endDateTime: restoration } } : {}),
    affectedLocation: problem.areas.map((area) => ({
      id: `FSA-${area}`,
      name: area,
      role: 'affectedArea',
      '@referredType': 'GeographicArea' as const,
    })),
    affectedService: problem.services.map((service) => ({ id: service, name: service, '@referredType': 'Service' as const })),
    originatingSystem: 'espace-sandbox',
    '@baseType': 'ServiceProblem',
    '@type': ESPACE_SERVICE_PROBLEM,
  };
}
