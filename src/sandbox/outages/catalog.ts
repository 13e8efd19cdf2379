/**
 * The sandbox's seeded outages and planned maintenance windows. They are not rows in the database
 * but a fixed list placed relative to the sandbox clock (to the hour), so that a long-lived
 * sandbox always has an outage in progress, one resolved and maintenance coming up, and answers
 * stay identical within the hour.
 *
 * Areas are postal-code prefixes (forward sortation areas): the seeded customers live in H2X
 * (Marie, Montréal), K1P (James, Ottawa) and H7M (Luc, Laval).
 */

export type ServiceKind = 'internet' | 'tv' | 'homePhone' | 'mobile';
export type ProblemCategory = 'outage' | 'plannedMaintenance';
/** TMF656 ServiceProblemStateType values the sandbox uses. */
export type ProblemStatus = 'acknowledged' | 'inProgress' | 'resolved';

export interface SeededProblem {
  id: string;
  name: string;
  description: string;
  category: ProblemCategory;
  status: ProblemStatus;
  /** 1 (highest) to 10, as TMF656 `priority`. */
  priority: number;
  areas: readonly string[];
  services: readonly ServiceKind[];
  /** Hours from the current hour: when it was raised, and when service is (or was) back. */
  raisedAtHours: number;
  restorationAtHours: number;
  /** Maintenance window start, hours from the current hour. */
  windowStartHours?: number;
}

export const SEEDED_PROBLEMS: readonly SeededProblem[] = [
  {
    id: 'SP-1001',
    name: 'Internet and TV outage — Plateau-Mont-Royal',
    description: 'A damaged fibre node interrupts Internet and TV service. Crews are on site.',
    category: 'outage',
    status: 'inProgress',
    priority: 1,
    areas: ['H2X', 'H2W', 'H2T'],
    services: ['internet', 'tv'],
    raisedAtHours: -2,
    restorationAtHours: 3,
  },
  {
    id: 'SP-1002',
    name: 'Planned maintenance — Laval mobile and home phone network',
    description: 'Network upgrade overnight; mobile and home phone service may be interrupted for up to 30 minutes.',
    category: 'plannedMaintenance',
    status: 'acknowledged',
    priority: 5,
    areas: ['H7M', 'H7N'],
    services: ['mobile', 'homePhone'],
    raisedAtHours: -72,
    windowStartHours: 30,
    restorationAtHours: 34,
  },
  {
    id: 'SP-1003',
    name: 'Internet outage — downtown Ottawa',
    description: 'A power failure at a distribution hub interrupted Internet service. Service is restored.',
    category: 'outage',
    status: 'resolved',
    priority: 2,
    areas: ['K1P', 'K1R'],
    services: ['internet'],
    raisedAtHours: -26,
    restorationAtHours: -20,
  },
  {
    id: 'SP-1004',
    name: 'Internet outage — Vieux-Québec',
    description: 'A cut cable interrupts Internet service. Repairs are under way.',
    category: 'outage',
    status: 'inProgress',
    priority: 1,
    areas: ['G1R'],
    services: ['internet'],
    raisedAtHours: -1,
    restorationAtHours: 5,
  },
  {
    id: 'SP-1005',
    name: 'Planned maintenance — downtown Montréal TV',
    description: 'TV equipment replacement; channels may be unavailable for a few minutes during the window.',
    category: 'plannedMaintenance',
    status: 'acknowledged',
    priority: 6,
    areas: ['H3B', 'H3C'],
    services: ['tv'],
    raisedAtHours: -48,
    windowStartHours: 74,
    restorationAtHours: 77,
  },
];

/** A postal code or prefix as compared: upper case, no spaces. */
export function normalizePostalCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Whether a problem affects a postal code (or a prefix of one, such as an FSA). */
export function affectsPostalCode(problem: SeededProblem, postalCode: string): boolean {
  const code = normalizePostalCode(postalCode);
  return problem.areas.some((area) => code.startsWith(area) || (code.length < area.length && area.startsWith(code)));
}
