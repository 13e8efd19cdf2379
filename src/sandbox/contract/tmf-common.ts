/** Contract pieces every TMF route shares: the paging and `fields` query, the `id` path parameter, TMF630's Error. */
import * as z from 'zod';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../paging.js';
import { model } from './route-schema.js';

/** TMF630 Error: `code` and `status` are strings, as the specifications declare them. */
export const ErrorModel = model(
  'Error',
  z.object({
    code: z.string().describe('HTTP status, as a string'),
    reason: z.string().describe('HTTP reason phrase'),
    message: z.string().describe('What was wrong and what to do'),
    status: z.string().describe('HTTP status, as a string'),
    '@type': z.literal('Error'),
  }),
);

/** TMF Money. Amounts are exact cents: 6550 goes on the wire as 65.5 (see ../money.ts). */
export const MoneyModel = model(
  'Money',
  z
    .object({ unit: z.string().describe('ISO 4217 currency').meta({ example: 'CAD' }), value: z.number().meta({ example: 65.5 }) })
    .describe('Money values are JSON numbers holding an exact amount in cents (e.g. 65.5 is $65.50).'),
);

/** TMF TimePeriod. */
export const TimePeriodModel = model(
  'TimePeriod',
  z
    .object({
      startDateTime: z.string().describe('Start').meta({ format: 'date-time' }).optional(),
      endDateTime: z.string().describe('End').meta({ format: 'date-time' }).optional(),
    })
    .describe('Date-only facts (bill periods) are given at 12:00 UTC, which is the same calendar day everywhere in Canada.'),
);

/** A TMF entity reference (`id` and the optional href, name and @referredType). */
export const EntityRefModel = model(
  'EntityRef',
  z.object({
    id: z.string().describe('Identifier'),
    href: z.string().describe('Absolute URL').meta({ format: 'uri' }).optional(),
    name: z.string().describe('Name').optional(),
    '@referredType': z.string().describe('Type of the referred entity').optional(),
  }),
);

/** A date-time string, documented as such. */
export function dateTime(description: string) {
  return z.string().describe(description).meta({ format: 'date-time' });
}

export const idParams = z.object({ id: z.string().describe('Identifier of the resource') });

const fields = z.string().describe('Comma-separated first-level attributes to return (id, href and @type are always returned)').optional();

/** A filter: one value, several comma-separated ones, or the parameter repeated (any of them matches). */
export function filter(description: string, values?: readonly [string, ...string[]]): z.ZodOptional<z.ZodString | z.ZodEnum> {
  return (values ? z.enum(values) : z.string()).describe(description).optional();
}

/** The query of a list operation: `fields`, TMF630 paging and the route's own filters. */
export function listQuery<F extends Record<string, z.ZodType>>(filters: F) {
  return z.object({
    fields,
    offset: z.number().int().min(0).describe('Index of the first item (default 0)').optional(),
    limit: z.number().int().min(0).max(MAX_LIMIT).describe(`Page size (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}; 0 returns only the counts)`).optional(),
    ...filters,
  });
}

/** The query of a retrieve operation: only `fields`. */
export const retrieveQuery = z.object({ fields });
