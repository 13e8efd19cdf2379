/**
 * `espace pay [BILL|latest] [--amount X] [--method ID] [--yes]`: pays a bill exactly once.
 *
 * The idempotency key is made and journaled durably before anything is sent; every retry reuses
 * it. If the answer cannot be known, the entry stays in the journal, the command says so and
 * exits 5, and `espace payment reconcile` settles it with the server.
 */
import { getBill } from '../../../api/tmf/customer-bill.js';
import { defaultPaymentMethodId, listPaymentMethods, paymentRequestBody } from '../../../api/tmf/payment.js';
import { type JournalEntry, PaymentJournal, journalDir, newPaymentKey } from '../../../config/payment-journal.js';
import { type Money, centsFromDecimal, formatMoney } from '../../../domain/money.js';
import { CancelledError, EspaceError, GeneralError, UsageError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import { resolveAccountId } from '../../account.js';
import type { Context } from '../../context.js';
import { PaymentOutcomeUnknownError } from '../../payment/errors.js';
import { warnPendingPayments } from '../../payment/pending.js';
import { submitPayment } from '../../payment/submit.js';
import { paymentJson } from '../../payment/view.js';
import { resolveBillId } from '../bill/resolve.js';

export interface PayOptions {
  /** A bill id, or `latest`. */
  bill: string;
  /** Decimal dollars, e.g. "25" or "25.50"; default: what remains on the bill. */
  amount?: string;
  method?: string;
  yes: boolean;
  account?: string;
}

function parseAmount(text: string, currency: string): Money {
  let cents: number;
  try {
    cents = centsFromDecimal(text);
  } catch {
    throw new UsageError('pay.badAmount', { params: { amount: text } });
  }
  if (cents <= 0 || !/^\d+(\.\d{1,2})?$/.test(text.trim())) throw new UsageError('pay.badAmount', { params: { amount: text } });
  return { amount: cents, currency };
}

export async function run(options: PayOptions, ctx: Context): Promise<void> {
  const { io, t, locale } = ctx;
  const journal = new PaymentJournal(journalDir(ctx.env));
  warnPendingPayments(journal, ctx);

  const api = await ctx.api();
  const billId = await resolveBillId(api, options.bill, options.account);
  const bill = await getBill(api, billId);
  // Paying a bill again while an earlier payment of it may have gone through is how people pay twice.
  const apiUrl = ctx.target().apiUrl;
  const earlier = journal.pending().entries.find((entry) => entry.billId === bill.id && entry.apiUrl === apiUrl);
  if (earlier) throw new EspaceError('paymentUnknown', 'pay.pendingSameBill', { params: { bill: bill.id, key: earlier.key }, hint: 'payment.hintReconcile' });
  const accountId = bill.accountId || (await resolveAccountId(api, options.account));
  const remaining = bill.remaining ?? bill.totalDue;
  if (remaining.amount <= 0) throw new GeneralError('pay.nothingOwed', { params: { bill: bill.id } });
  const amount = options.amount === undefined ? remaining : parseAmount(options.amount, remaining.currency);
  if (amount.amount > remaining.amount) {
    throw new UsageError('pay.overpay', { params: { amount: formatMoney(amount, locale), remaining: formatMoney(remaining, locale), bill: bill.id } });
  }

  const methods = await listPaymentMethods(api, accountId);
  const methodId = options.method ?? (await defaultPaymentMethodId(api, accountId));
  if (methodId === undefined) throw new UsageError('pay.noMethod', { params: { account: accountId } });
  const method = methods.find((m) => m.id === methodId);
  if (!method) {
    throw new UsageError('pay.unknownMethod', { params: { method: methodId, known: methods.map((m) => m.id).join(', ') || '—' } });
  }

  io.err(`${t('pay.summary', { amount: formatMoney(amount, locale), method: sanitizeCell(method.name), bill: bill.id, account: accountId, remaining: formatMoney(remaining, locale) })}\n`);
  if (!options.yes) {
    if (!io.interactive) throw new UsageError('pay.needsYes');
    if (!(await ctx.prompt.confirm({ message: t('pay.confirm'), flag: '--yes', default: false }))) throw new CancelledError();
  }

  const key = newPaymentKey();
  const entry: JournalEntry = {
    version: 1,
    key,
    apiUrl,
    accountId,
    billId: bill.id,
    amount,
    methodId: method.id,
    methodName: method.name,
    createdAt: ctx.clock().toISOString(),
    request: paymentRequestBody(key, accountId, bill.id, amount, method),
  };
  journal.record(entry);

  const outcome = await submitPayment(api, entry);
  if (outcome.kind === 'unknown') throw new PaymentOutcomeUnknownError(entry, outcome.error);
  journal.settle(key);
  if (outcome.kind === 'refused') throw outcome.error;
  const { payment } = outcome;
  if (ctx.globals.json) {
    io.out(toJson(paymentJson(payment, locale)));
    return;
  }
  io.out(`${t('pay.done', { id: payment.id, amount: formatMoney(payment.amount, locale), bill: bill.id, method: sanitizeCell(method.name) })}\n`);
}
