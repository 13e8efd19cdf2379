/**
 * The list reads the stores share: criteria (SQL conditions with named parameters) become a count
 * for X-Total-Count and one page of rows, so that a list never loads more than the page it answers.
 */
import type { StatementCache } from '../db.js';

/** A WHERE clause built from filters, with named parameters. */
export interface Criteria {
  conditions: string[];
  params: Record<string, unknown>;
}

/**
 * Adds `column IN (values)` to criteria. One value becomes an equality, which lets SQLite walk an
 * index in order (the common "latest bill of this account" query); several go through json_each,
 * so one statement text serves any number of values.
 */
export function addInCondition(criteria: Criteria, column: string, name: string, values: readonly string[]): void {
  if (values.length === 1) {
    criteria.conditions.push(`${column} = @${name}`);
    criteria.params[name] = values[0];
  } else {
    criteria.conditions.push(`${column} IN (SELECT value FROM json_each(@${name}))`);
    criteria.params[name] = JSON.stringify(values);
  }
}

/** The slice of a list one answer carries. */
export interface Page {
  offset: number;
  limit: number;
}

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

/**
 * The number of rows meeting `criteria`, and the page of them. The page is read first: when it is
 * the first and not full, it holds every row and the count is its length, so most lists (one
 * account's bills, a bulk batch) cost one query, not two.
 */
export function pagedRows<R>(cache: StatementCache, sql: PagedSql, criteria: Criteria, page: Page): { total: number; rows: R[] } {
  const clause = criteria.conditions.length ? `WHERE ${criteria.conditions.join(' AND ')}` : '';
  const rows =
    page.limit === 0
      ? []
      : cache
          .get<R>(`${sql.select} ${clause}\n                ${sql.orderBy} LIMIT @limit OFFSET @offset`)
          .all({ ...criteria.params, limit: page.limit, offset: page.offset });
  if (page.offset === 0 && rows.length < page.limit) return { total: rows.length, rows };
  const total = cache.get<{ n: number }>(`SELECT count(*) AS n ${sql.countFrom} ${clause}`).get(criteria.params)?.n ?? 0;
  return { total, rows };
}
