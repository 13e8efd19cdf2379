/**
 * The payment side of a TMF666 billingAccount: `defaultPaymentMethod` (in TMF666) and autopay
 * (pre-authorized payment), which TMF666 lacks, carried as the documented characteristics
 * `autopay` (boolean) and, when it is turned on, `autopayTermsAccepted` (must be true: the
 * customer accepted the pre-authorized payment agreement).
 */
import type { SandboxDatabase, Statement } from '../db.js';
import { TmfError } from '../tmf-errors.js';

export interface PaymentPatch {
  defaultPaymentMethodId?: string;
  autopay?: boolean;
  termsAccepted?: boolean;
}

const AUTOPAY = 'autopay';
const TERMS = 'autopayTermsAccepted';

/** The payment fields of a billingAccount merge patch, in the shape its contract checked. */
export interface PaymentPatchFields {
  defaultPaymentMethod?: { id: string } | undefined;
  characteristic?: { name: typeof AUTOPAY | typeof TERMS; value: boolean }[] | undefined;
}

/** What the payment fields of a merge patch ask for. */
export function paymentPatchOf({ defaultPaymentMethod, characteristic }: PaymentPatchFields): PaymentPatch {
  const patch: PaymentPatch = {};
  if (defaultPaymentMethod !== undefined) patch.defaultPaymentMethodId = defaultPaymentMethod.id;
  for (const item of characteristic ?? []) {
    if (item.name === AUTOPAY) patch.autopay = item.value;
    else patch.termsAccepted = item.value;
  }
  return patch;
}

/** Applies the payment fields in one transaction; a method must be active and the account's own. */
export function applyPaymentPatch(db: SandboxDatabase, accountId: string, patch: PaymentPatch, now: Date): void {
  db.transaction(() => {
    if (patch.defaultPaymentMethodId !== undefined) {
      const method = db
        .prepare<[string, string], { name: string }>(`SELECT name FROM payment_method WHERE id = ? AND billing_account_id = ? AND status = 'active'`)
        .get(patch.defaultPaymentMethodId, accountId);
      if (!method) throw new TmfError(422, `Payment method "${patch.defaultPaymentMethodId}" is not on file for account ${accountId}`);
      db.prepare('UPDATE billing_account SET default_payment_method_id = ?, default_payment_method_name = ?, last_modified = ? WHERE id = ?').run(
        patch.defaultPaymentMethodId,
        method.name,
        now.toISOString(),
        accountId,
      );
    }
    if (patch.autopay === true) {
      if (patch.termsAccepted !== true)
        throw new TmfError(422, `Turning autopay on requires the pre-authorized payment agreement: send {"name": "${TERMS}", "value": true}`);
      const usable = db
        .prepare<[string], { one: number }>(
          `SELECT 1 AS one FROM billing_account a JOIN payment_method m ON m.id = a.default_payment_method_id
            WHERE a.id = ? AND m.status = 'active' AND m.kind IN ('card', 'bankAccount')`,
        )
        .get(accountId);
      if (!usable) throw new TmfError(422, 'Autopay needs a default payment method on file (a card or a bank account)');
      db.prepare('UPDATE billing_account SET autopay = 1, autopay_terms_accepted_at = ?, last_modified = ? WHERE id = ?').run(
        now.toISOString(),
        now.toISOString(),
        accountId,
      );
    } else if (patch.autopay === false) {
      db.prepare('UPDATE billing_account SET autopay = 0, last_modified = ? WHERE id = ?').run(now.toISOString(), accountId);
    }
  })();
}

const autopayStatements = new WeakMap<SandboxDatabase, Statement<[string], { autopay: number; acceptedAt: string | null }>>();
const lastDebitStatements = new WeakMap<SandboxDatabase, Statement<[string], LastDebitRow>>();

interface LastDebitRow {
  at: string;
  billId: string;
  outcome: string;
  amountCents: number | null;
  detail: string | null;
}

/**
 * The last autopay debit the sandbox clock attempted (clock/engine.ts): the `autopayLastDebit`
 * characteristic, {date, billId, outcome: paid | declined, amount, reason?}.
 */
function lastDebit(db: SandboxDatabase, accountId: string): { name: string; valueType: string; value: unknown }[] {
  let statement = lastDebitStatements.get(db);
  if (!statement) {
    statement = db.prepare(
      `SELECT at, subject AS billId, outcome, amount_cents AS amountCents, detail FROM clock_event
        WHERE billing_account_id = ? AND kind = 'autopay' AND outcome IN ('paid', 'declined') ORDER BY seq DESC LIMIT 1`,
    );
    lastDebitStatements.set(db, statement);
  }
  const row = statement.get(accountId);
  if (!row) return [];
  const value = {
    date: row.at,
    billId: row.billId,
    outcome: row.outcome,
    amount: { unit: 'CAD', value: (row.amountCents ?? 0) / 100 },
    ...(row.outcome === 'declined' && row.detail ? { reason: row.detail } : {}),
  };
  return [{ name: 'autopayLastDebit', valueType: 'object', value }];
}

/** The autopay characteristics of an account's resource. */
export function autopayExtension(db: SandboxDatabase, accountId: string): { characteristic: { name: string; valueType: string; value: unknown }[] } {
  let statement = autopayStatements.get(db);
  if (!statement) {
    // Prepared once per database: account lists call this for every account.
    statement = db.prepare('SELECT autopay, autopay_terms_accepted_at AS acceptedAt FROM billing_account WHERE id = ?');
    autopayStatements.set(db, statement);
  }
  const row = statement.get(accountId);
  return {
    characteristic: [
      { name: AUTOPAY, valueType: 'boolean', value: row?.autopay === 1 },
      ...(row?.acceptedAt ? [{ name: 'autopayTermsAcceptedAt', valueType: 'dateTime', value: row.acceptedAt }] : []),
      ...lastDebit(db, accountId),
    ],
  };
}
