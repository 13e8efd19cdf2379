/**
 * The list reads the stores share: criteria (SQL conditions with named parameters) become a count
 * for X-Total-Count and one page of rows, so that a list never loads more than the page it answers.
 */
import type { StatementCache } from '../db.js';
import type { Criteria, Page } from './bills.js';

/** Adds a condition with its parameters (e.g. the caller's visible accounts); null adds nothing. */
export function addCondition(criteria: Criteria, condition: { sql: string; params: Record<string, unknown> } | null): void {
  if (!condition) return;
  criteria.conditions.push(condition.sql);
  Object.assign(criteria.params, condition.params);
}

export interface PagedSql {
  /** `FROM …` counted: the table the conditions are on, without the joins the rows need. */
  countFrom: string;
  /** `SELECT … FROM … JOIN …`, before the conditions. */
  select: string;
  /** `ORDER BY …`, total, so that pages do not overlap. */
  orderBy: string;
}

/** The number of rows meeting `criteria`, and the page of them; no row query when the page is empty. */
export function pagedRows<R>(cache: StatementCache, sql: PagedSql, criteria: Criteria, page: Page): { total: number; rows: R[] } {
  const clause = criteria.conditions.length ? `WHERE ${criteria.conditions.join(' AND ')}` : '';
  const total = cache.get<{ n: number }>(`SELECT count(*) AS n ${sql.countFrom} ${clause}`).get(criteria.params)?.n ?? 0;
  const rows =
    page.limit === 0 || page.offset >= total
      ? []
      : cache
          .get<R>(`${sql.select} ${clause}\n                ${sql.orderBy} LIMIT @limit OFFSET @offset`)
          .all({ ...criteria.params, limit: page.limit, offset: page.offset });
  return { total, rows };
}
