/**
 * Autopay on a bill's due date: an account with pre-authorized payment on is debited, from its
 * default payment method, what is still owed on its issued bills up to this one (oldest first, as
 * a balance-forward account is paid). The payment goes into the history with channel
 * `preAuthorized`. A method that cannot pay (declined by the issuer, expired, removed, none) moves
 * no money: the bill stays due and the reason is what the event records.
 */
import { createHash } from 'node:crypto';
import type { SandboxDatabase } from '../db.js';

interface MethodFacts {
  id: string | null;
  name: string | null;
  status: string | null;
  declines: number | null;
  expiry: string | null;
  province: string;
}

interface OpenBill {
  id: string;
  remainingCents: number;
}

export type DebitOutcome =
  | { outcome: 'paid'; paymentId: string; amountCents: number; methodName: string }
  | { outcome: 'declined'; amountCents: number; reason: string }
  | { outcome: 'nothingDue' };

/** Debits what an autopay account owes up to `billId`, on `at` (the bill's due date). */
export function debitAutopay(db: SandboxDatabase, accountId: string, billId: string, at: string): DebitOutcome {
  const open = db
    .prepare<{ account: string; bill: string }, OpenBill>(
      `SELECT id, remaining_cents AS remainingCents FROM customer_bill
        WHERE billing_account_id = @account AND remaining_cents > 0 AND NOT (state = 'new' AND run_type = 'offCycle')
          AND bill_date <= (SELECT bill_date FROM customer_bill WHERE id = @bill)
        ORDER BY bill_date, id`,
    )
    .all({ account: accountId, bill: billId });
  const amountCents = open.reduce((sum, b) => sum + b.remainingCents, 0);
  if (amountCents === 0) return { outcome: 'nothingDue' };
  const method = db
    .prepare<[string], MethodFacts>(
      `SELECT m.id, m.name, m.status, m.declines, m.expiry, a.province FROM billing_account a
         LEFT JOIN payment_method m ON m.id = a.default_payment_method_id WHERE a.id = ?`,
    )
    .get(accountId);
  const reason = refusal(method, at);
  if (reason) return { outcome: 'declined', amountCents, reason };
  const fr = method!.province === 'QC';
  const paymentId = `PAY-${accountId.replace(/^BA-/, '')}-AP-${at.slice(0, 10).replaceAll('-', '')}`;
  const authorization = createHash('sha256').update(paymentId).digest('hex').slice(0, 6).toUpperCase();
  db.prepare(
    `INSERT INTO payment (id, billing_account_id, payment_date, amount_cents, currency, status, name, description, channel,
       payment_method_id, payment_method_name, created_at, correlator_id, authorization_code)
     VALUES (?, ?, ?, ?, 'CAD', 'succeeded', ?, ?, 'preAuthorized', ?, ?, ?, ?, ?)`,
  ).run(
    paymentId,
    accountId,
    at,
    amountCents,
    fr ? 'Paiement préautorisé' : 'Pre-authorized payment',
    fr ? `Prélèvement automatique – ${method!.name}` : `Automatic debit – ${method!.name}`,
    method!.id,
    method!.name,
    at,
    `autopay:${billId}`,
    authorization,
  );
  const allocate = db.prepare('INSERT INTO payment_allocation (payment_id, bill_id, amount_cents) VALUES (?, ?, ?)');
  const settle = db.prepare("UPDATE customer_bill SET remaining_cents = 0, state = 'settled', last_update = ? WHERE id = ?");
  for (const bill of open) {
    allocate.run(paymentId, bill.id, bill.remainingCents);
    settle.run(at, bill.id);
  }
  return { outcome: 'paid', paymentId, amountCents, methodName: method!.name! };
}

/** Why the default method cannot pay, or null if it can. */
function refusal(method: MethodFacts | undefined, at: string): string | null {
  if (!method || method.id === null) return 'no default payment method on file';
  if (method.status !== 'active') return `the default payment method ${method.name} was removed`;
  if (method.expiry !== null && method.expiry < at.slice(0, 7)) return `card ${method.name} expired (${method.expiry})`;
  if (method.declines === 1) return `the issuer declined ${method.name}`;
  return null;
}
