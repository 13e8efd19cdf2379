/**
 * TMF666 billingAccount: list, retrieve, and a JSON merge patch (RFC 7396) limited to what a
 * customer may change in the portal: the account's name, paper or electronic bills, and the payment
 * fields (default payment method, autopay: ../payment/autopay.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';
import { principalOf } from '../auth/principal.js';
import { parseQuery, selectFields, setListHeaders, wants } from '../paging.js';
import { billingAccountResource } from './billing-account-resource.js';
import { ACCOUNT_API, originOf } from '../resources/paths.js';
import type { AccountChanges, AccountRow } from './billing-account-store.js';
import { addInCondition, addCondition, type Criteria } from '../store/paged-query.js';
import { TmfError, sendTmfError } from '../tmf-errors.js';
import { applyPaymentPatch, autopayExtension, paymentPatchOf } from '../payment/autopay.js';
import { BILLING_ACCOUNT_FILTERS, listBillingAccount, patchBillingAccount, retrieveBillingAccount, type BillingAccountUpdate } from './contract.js';

/** The parties of an account as a comparable key: who, in which role. */
function partiesKey(parties: readonly { id: string; role?: string | undefined }[]): string {
  return parties
    .map((party) => `${party.id}|${party.role ?? ''}`)
    .sort()
    .join(',');
}

/**
 * The changes a merge patch asks for, its shape checked by the contract. TMF666's
 * BillingAccount_Update marks `relatedParty` as required, so a conformant client sends it: it is
 * accepted when it names the account's current parties, and refused as a change otherwise.
 */
function accountChangesOf(patch: BillingAccountUpdate, currentParties: readonly { id: string; role: string }[]): AccountChanges {
  if (patch.relatedParty !== undefined && partiesKey(patch.relatedParty) !== partiesKey(currentParties)) {
    throw new TmfError(400, '"relatedParty" cannot be changed; send the account\'s current parties or leave it out');
  }
  const changes: AccountChanges = {};
  if (patch.name !== undefined) {
    if (patch.name.trim() === '' || /\p{Cc}/u.test(patch.name)) throw new TmfError(400, '"name" must hold printable characters, not only spaces');
    changes.name = patch.name.trim();
  }
  const media = patch.billStructure?.presentationMedia[0];
  if (media !== undefined) {
    if (media.id !== undefined && media.id !== media.name) {
      throw new TmfError(400, '"billStructure.presentationMedia[0].id" must be the same as its name');
    }
    changes.presentationMedia = media.name;
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
  app.get(`${ACCOUNT_API}/billingAccount`, { schema: listBillingAccount }, async (request, reply) => {
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

  app.get<{ Params: { id: string } }>(`${ACCOUNT_API}/billingAccount/:id`, { schema: retrieveBillingAccount }, async (request, reply) => {
    const principal = principalOf(request);
    const query = parseQuery(request.query, {});
    const row = ctx.accounts.account(request.params.id);
    if (!row || !ctx.access.canSeeAccount(principal, row.id)) {
      return sendTmfError(reply, 404, `No billingAccount with id "${request.params.id}"`);
    }
    return build(ctx, originOf(request), [row], query.fields)[0];
  });

  app.patch<{ Params: { id: string }; Body: BillingAccountUpdate }>(
    `${ACCOUNT_API}/billingAccount/:id`,
    { schema: patchBillingAccount },
    async (request, reply) => {
      const principal = principalOf(request);
      parseQuery(request.query, {});
      const row = ctx.accounts.account(request.params.id);
      if (!row || !ctx.access.canSeeAccount(principal, row.id)) {
        return sendTmfError(reply, 404, `No billingAccount with id "${request.params.id}"`);
      }
      const current = billingAccountResource(originOf(request), row, undefined, ctx.now());
      const changes = accountChangesOf(request.body, current.relatedParty);
      applyPaymentPatch(ctx.db, row.id, paymentPatchOf(request.body), ctx.now());
      if (changes.name !== undefined || changes.presentationMedia !== undefined) ctx.accounts.update(row.id, changes, ctx.now());
      const updated = ctx.accounts.account(row.id) ?? row;
      return build(ctx, originOf(request), [updated], null)[0];
    },
  );
}
