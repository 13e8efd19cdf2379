/**
 * TMF666 billingAccount: list, retrieve, and a JSON merge patch (RFC 7396) limited to what a
 * customer may change in the portal: the account's name and paper or electronic bills.
 */
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';
import { principalOf } from '../auth/principal.js';
import { parseQuery, selectFields, setListHeaders, wants } from '../paging.js';
import { billingAccountResource } from './billing-account-resource.js';
import { ACCOUNT_API, originOf } from '../resources/paths.js';
import type { AccountChanges, AccountRow } from './billing-account-store.js';
import { addInCondition, addCondition, type Criteria } from '../store/paged-query.js';
import { isObject, unexpectedKey } from '../body.js';
import { TmfError, sendTmfError } from '../tmf-errors.js';
import { applyPaymentPatch, autopayExtension, takePaymentPatch } from '../payment/autopay.js';

export const BILLING_ACCOUNT_FILTERS = ['id', 'state'] as const;
export const PRESENTATION_MEDIA = ['electronic', 'paper'] as const;
const MAX_NAME_LENGTH = 100;

/** Refuses a key not in `allowed`, named by its path (`where` + key), as not patchable. */
function rejectUnpatchable(object: Record<string, unknown>, allowed: readonly string[], where: string): void {
  const other = unexpectedKey(object, allowed);
  if (other !== undefined) {
    throw new TmfError(400, `"${where}${other}" cannot be changed; patchable: ${allowed.map((k) => where + k).join(', ')}`);
  }
}

/** The parties of an account as a comparable key: who, in which role. */
function partiesKey(parties: unknown): string {
  if (!Array.isArray(parties)) return '';
  return parties
    .map((party: unknown) => (isObject(party) ? `${String(party.id)}|${String(party.role ?? '')}` : ''))
    .sort()
    .join(',');
}

/**
 * Validates a merge patch and turns it into the changes it asks for. TMF666's
 * BillingAccount_Update marks `relatedParty` as required, so a conformant client sends it: it is
 * accepted when it names the account's current parties, and refused as a change otherwise.
 */
export function parseAccountPatch(body: unknown, currentParties: unknown = []): AccountChanges {
  if (!isObject(body)) throw new TmfError(400, 'The request body must be a JSON object (a JSON merge patch)');
  rejectUnpatchable(body, ['name', 'billStructure', 'relatedParty'], '');
  if ('relatedParty' in body && partiesKey(body.relatedParty) !== partiesKey(currentParties)) {
    throw new TmfError(400, '"relatedParty" cannot be changed; send the account\'s current parties or leave it out');
  }
  const changes: AccountChanges = {};
  if ('name' in body) {
    const name = body.name;
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH || /\p{Cc}/u.test(name)) {
      throw new TmfError(400, `"name" must be a non-empty string of at most ${MAX_NAME_LENGTH} printable characters`);
    }
    changes.name = name.trim();
  }
  if ('billStructure' in body) {
    const structure = body.billStructure;
    if (!isObject(structure)) throw new TmfError(400, '"billStructure" must be an object');
    rejectUnpatchable(structure, ['presentationMedia'], 'billStructure.');
    const media = structure.presentationMedia;
    const first: unknown = Array.isArray(media) ? media[0] : undefined;
    if (!Array.isArray(media) || media.length !== 1 || !isObject(first)) {
      throw new TmfError(400, '"billStructure.presentationMedia" must be an array of one item, e.g. [{"name": "paper"}]');
    }
    rejectUnpatchable(first, ['id', 'name'], 'billStructure.presentationMedia[0].');
    const name = first.name;
    if (typeof name !== 'string' || !(PRESENTATION_MEDIA as readonly string[]).includes(name) || ('id' in first && first.id !== name)) {
      throw new TmfError(400, `"billStructure.presentationMedia[0].name" must be one of: ${PRESENTATION_MEDIA.join(', ')}`);
    }
    changes.presentationMedia = name as AccountChanges['presentationMedia'];
  }
  return changes;
}

function build(ctx: SandboxContext, origin: string, rows: readonly AccountRow[], fields: ReadonlySet<string> | null) {
  const needsBalances = wants(fields, 'accountBalance') || wants(fields, 'paymentStatus');
  const balances = needsBalances
    ? ctx.accounts.balances(
        rows.map((r) => r.id),
        ctx.now(),
      )
    : new Map();
  const now = ctx.now();
  return rows.map((row) => selectFields({ ...billingAccountResource(origin, row, balances.get(row.id), now), ...autopayExtension(ctx.db, row.id) }, fields));
}

export async function billingAccountRoutes(app: FastifyInstance, { ctx }: { ctx: SandboxContext }): Promise<void> {
  app.get(`${ACCOUNT_API}/billingAccount`, async (request, reply) => {
    const principal = principalOf(request);
    const query = parseQuery(request.query, { filters: BILLING_ACCOUNT_FILTERS, paging: true });
    const criteria: Criteria = { conditions: [], params: {} };
    const ids = query.filters.get('id');
    if (ids) addInCondition(criteria, 'id', 'ids', ids);
    const states = query.filters.get('state');
    if (states) addInCondition(criteria, 'state', 'states', states);
    addCondition(criteria, ctx.access.accountCondition(principal, 'id'));
    const { total, rows } = ctx.accounts.list(criteria, query);
    setListHeaders(reply, total, rows.length);
    return build(ctx, originOf(request), rows, query.fields);
  });

  app.get<{ Params: { id: string } }>(`${ACCOUNT_API}/billingAccount/:id`, async (request, reply) => {
    const principal = principalOf(request);
    const query = parseQuery(request.query, {});
    const row = ctx.accounts.account(request.params.id);
    if (!row || !ctx.access.canSeeAccount(principal, row.id)) {
      return sendTmfError(reply, 404, `No billingAccount with id "${request.params.id}"`);
    }
    return build(ctx, originOf(request), [row], query.fields)[0];
  });

  app.patch<{ Params: { id: string } }>(`${ACCOUNT_API}/billingAccount/:id`, async (request, reply) => {
    const principal = principalOf(request);
    parseQuery(request.query, {});
    const row = ctx.accounts.account(request.params.id);
    if (!row || !ctx.access.canSeeAccount(principal, row.id)) {
      return sendTmfError(reply, 404, `No billingAccount with id "${request.params.id}"`);
    }
    const current = billingAccountResource(originOf(request), row, undefined, ctx.now());
    const { rest, patch } = takePaymentPatch(request.body);
    const changes = parseAccountPatch(rest, current.relatedParty);
    applyPaymentPatch(ctx.db, row.id, patch, ctx.now());
    if (changes.name !== undefined || changes.presentationMedia !== undefined) ctx.accounts.update(row.id, changes, ctx.now());
    const updated = ctx.accounts.account(row.id) ?? row;
    return build(ctx, originOf(request), [updated], null)[0];
  });
}
