/** An outage or a planned maintenance window, as the CLI shows it. */
export interface Outage {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** `outage`, `plannedMaintenance`, or whatever else a backend sends. */
  readonly category: string;
  /** TMF656 state: acknowledged, inProgress, resolved, … */
  readonly status: string;
  /** Postal-code prefixes (or area names) affected. */
  readonly areas: readonly string[];
  /** Service kinds affected: internet, tv, homePhone, mobile. */
  readonly services: readonly string[];
  readonly raisedAt?: string;
  readonly windowStart?: string;
  readonly estimatedRestoration?: string;
  readonly resolvedAt?: string;
}

/** TMF656 states after which a problem no longer affects anyone. */
const OVER_STATUSES: ReadonlySet<string> = new Set(['resolved', 'closed', 'cancelled', 'rejected']);

/** Whether an outage is over (resolved, closed, cancelled or rejected). */
export function isOutageOver(outage: Outage): boolean {
  return OVER_STATUSES.has(outage.status);
}

/** Problems not yet over come first, the most recent first within each group. */
export function sortOutages(outages: readonly Outage[]): Outage[] {
  const over = (outage: Outage) => (isOutageOver(outage) ? 1 : 0);
  return [...outages].sort((a, b) => over(a) - over(b) || (b.raisedAt ?? '').localeCompare(a.raisedAt ?? ''));
}
