/**
 * The seeded outages on the sandbox clock: their hours (outages/catalog.ts) count from the hour the
 * clock began, so an outage in progress then is restored a few hours later and maintenance starts
 * and ends when planned. The status at any instant follows from those hours.
 */
import { SEEDED_PROBLEMS, type ProblemStatus, type SeededProblem } from '../outages/catalog.js';

const HOUR_MS = 3_600_000;

/** The hour (ms since the epoch) the outage schedule counts from. */
export function scheduleHour(origin: string): number {
  return Math.floor(Date.parse(origin) / HOUR_MS) * HOUR_MS;
}

/** A problem's status at `now`, on the schedule that starts at `origin`. */
export function problemStatusAt(problem: SeededProblem, origin: string, now: Date): ProblemStatus {
  const hours = (now.getTime() - scheduleHour(origin)) / HOUR_MS;
  if (hours >= problem.restorationAtHours) return 'resolved';
  if (problem.windowStartHours !== undefined) return hours >= problem.windowStartHours ? 'inProgress' : 'acknowledged';
  return hours >= problem.raisedAtHours ? 'inProgress' : 'acknowledged';
}

export interface OutageTransition {
  problemId: string;
  status: ProblemStatus;
  at: string;
}

/** When each problem changes status (work starts, service is back), in time order. */
export function outageTransitions(origin: string): OutageTransition[] {
  const hour = scheduleHour(origin);
  const at = (hours: number) => new Date(hour + hours * HOUR_MS).toISOString();
  const transitions: OutageTransition[] = [];
  for (const problem of SEEDED_PROBLEMS) {
    transitions.push({ problemId: problem.id, status: 'inProgress', at: at(problem.windowStartHours ?? problem.raisedAtHours) });
    transitions.push({ problemId: problem.id, status: 'resolved', at: at(problem.restorationAtHours) });
  }
  return transitions.sort((a, b) => a.at.localeCompare(b.at));
}
