/**
 * `espace pay [BILL|latest] [--amount X] [--method ID] [--yes]`: pays a bill exactly once.
 *
 * `--amount` is checked before any request. The bills to pay, the amounts and the method are
 * chosen and confirmed here; each payment is then made by payment/pay-bill.ts, which journals it
 * before sending it (an answer that cannot be known leaves it for `espace payment reconcile`).
 */
import { getBill } from '../../../api/tmf/customer-bill.js';
import { defaultPaymentMethodId, listPaymentMethods } from '../../../api/tmf/payment.js';
import { PaymentJournal, journalDir } from '../../payment/journal.js';
import type { Bill } from '../../../domain/bill.js';
import { type Money, formatMoney } from '../../../domain/money.js';
import type { Payment } from '../../../domain/payment.js';
import { CancelledError, GeneralError, UsageError } from '../../../errors.js';
import { formatDate, moneyJson, toJson } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';
import { parseAmountOption } from '../../payment/amount.js';
import { type Balance, accountBalance, balanceText } from '../../payment/balance.js';
import { unknownOutcomes, warnPendingPayments } from '../../payment/pending.js';
import { payOneBill, refuseIfPending } from '../../payment/pay-bill.js';
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
  /** Pay every bill with something owed, overdue first: one payment per bill. */
  all?: boolean;
  /** Check and show what would be paid; send nothing. */
  dryRun?: boolean;
}

/** One payment to make: a bill and how much of it. */
interface PlannedPayment {
  bill: Bill;
  remaining: Money;
  amount: Money;
}

export async function run(options: PayOptions, ctx: CommandDeps): Promise<void> {
  const { io, t, locale } = ctx;
  // Checked before anything is read or sent.
  const cents = options.amount === undefined ? undefined : parseAmountOption(options.amount);
  if (options.all && (cents !== undefined || options.bill !== 'latest')) throw new UsageError('pay.allAlone');
  const journal = new PaymentJournal(journalDir(ctx.env));
  warnPendingPayments(journal, ctx);

  const api = await ctx.api();
  const apiUrl = ctx.target().apiUrl;
  const chosen = options.bill === 'latest' ? undefined : options.bill;
  const accountId = chosen === undefined ? await resolveAccountId(api, options.account) : undefined;
  // The account's whole balance, overdue bills first, when no bill was named: paying "the latest"
  // alone must not hide what an earlier bill still owes.
  const balance = accountId === undefined ? undefined : await accountBalance(api, accountId, ctx.clock());
  let billIds: string[];
  if (options.all && accountId !== undefined && balance?.bills.length === 0)
    throw new GeneralError('pay.nothingOwedOnAccount', { params: { account: accountId } });
  if (balance && accountId !== undefined && (options.all || balance.bills.length > 1 || balance.overdue.amount > 0)) {
    io.err(balanceText(balance, accountId, t, locale));
    const choice = options.all ? ALL : await chooseBill(ctx, options, balance, cents);
    if (choice === ALL) billIds = balance.bills.map((owed) => owed.bill.id);
    else billIds = [choice ?? (await resolveBillId(api, 'latest', accountId))];
  } else {
    billIds = [await resolveBillId(api, options.bill, options.account)];
  }

  const planned: PlannedPayment[] = [];
  for (const billId of billIds) {
    const bill = await getBill(api, billId);
    // A preview of the next bill (plan next-bill) is not issued: nothing is owed on it yet.
    if (bill.unissued) throw new UsageError('pay.unissuedBill', { params: { bill: bill.id } });
    // Said before the confirmation when nobody is paying right now; otherwise the pending entry may
    // be that payment's, still in flight, and the check under the lock decides.
    // Said before the confirmation when it can be told now; while a payment is in flight, its entry
    // may be the one seen, and the check under the lock decides.
    const unknown = unknownOutcomes(journal);
    if (unknown) refuseIfPending(unknown.entries, bill.id, apiUrl);
    const remaining = bill.remaining ?? bill.totalDue;
    planned.push({ bill, remaining, amount: checkAmount(cents, remaining, bill.id, locale) });
  }
  const payer = accountId ?? (planned[0]!.bill.accountId || (await resolveAccountId(api, options.account)));

  const methods = await listPaymentMethods(api, payer);
  const methodId = options.method ?? (await defaultPaymentMethodId(api, payer));
  if (methodId === undefined) throw new UsageError('pay.noMethod', { params: { account: payer } });
  const method = methods.find((m) => m.id === methodId);
  if (!method) {
    throw new UsageError('pay.unknownMethod', { params: { method: methodId, known: methods.map((m) => m.id).join(', ') || '—' } });
  }

  for (const { bill, amount, remaining } of planned) {
    io.err(
      `${t('pay.summary', { amount: formatMoney(amount, locale), method: sanitizeCell(method.name), bill: sanitizeCell(bill.id), account: sanitizeCell(payer), remaining: formatMoney(remaining, locale) })}\n`,
    );
  }
  if (options.dryRun) {
    io.err(`${t('pay.dryRun', { count: planned.length })}\n`);
    if (ctx.globals.json) {
      io.out(
        toJson({
          dryRun: true,
          account: payer,
          method: { id: method.id, name: method.name },
          payments: planned.map((p) => ({ bill: p.bill.id, amount: moneyJson(p.amount, locale) })),
        }),
      );
    }
    return;
  }
  if (!options.yes) {
    if (!io.interactive) throw new UsageError('pay.needsYes');
    if (
      !(await ctx.prompt.confirm({
        message: t(planned.length > 1 ? 'pay.confirmMany' : 'pay.confirm', { count: planned.length }),
        flag: '--yes',
        default: false,
      }))
    ) {
      throw new CancelledError();
    }
  }

  // One payment per bill, each with its own key and journal entry, in the order shown (overdue first).
  const payments: Payment[] = [];
  for (const { bill, amount, remaining } of planned) {
    const payment = await payOneBill(ctx, { journal, api, apiUrl, accountId: payer, bill, amount, remaining, method });
    payments.push(payment);
    if (!ctx.globals.json)
      io.out(
        `${t('pay.done', { id: sanitizeCell(payment.id), amount: formatMoney(payment.amount, locale), bill: sanitizeCell(bill.id), method: sanitizeCell(method.name) })}\n`,
      );
  }
  if (ctx.globals.json)
    io.out(toJson(payments.length === 1 && !options.all ? paymentJson(payments[0]!, locale) : payments.map((payment) => paymentJson(payment, locale))));
}

/** The answer to "which bill?" that means every bill with something owed. */
const ALL = 'all';

/**
 * Which bill to pay when the account owes on more than one (or on an overdue bill) and none was
 * named: on a terminal, picked from a list (everything, the default, or one bill); otherwise undefined, for the
 * latest bill as before, the balance shown above it and `--all` named for the rest.
 */
async function chooseBill(ctx: CommandDeps, options: PayOptions, balance: Balance, cents: number | undefined): Promise<string | undefined> {
  const { io, t, locale } = ctx;
  if (options.yes || options.dryRun || cents !== undefined || !io.interactive) {
    // undefined: the latest bill, as `pay` has always meant without a bill named.
    io.err(`${t('pay.balance.hintAll', { total: formatMoney(balance.total, locale) })}\n`);
    return undefined;
  }
  // Picked from a list, not typed: everything owed first (the default), then each bill, overdue first.
  return ctx.prompt.select({
    message: t('pay.balance.which'),
    flag: '--all',
    default: ALL,
    choices: [
      { value: ALL, name: t('pay.balance.choiceAll', { total: formatMoney(balance.total, locale) }) },
      ...balance.bills.map(({ bill, remaining, overdue }) => ({
        value: bill.id,
        name: t(overdue ? 'pay.balance.choiceOverdue' : 'pay.balance.choiceBill', {
          bill: bill.id,
          amount: formatMoney(remaining, locale),
          date: formatDate(bill.dueDate, locale),
        }),
      })),
    ],
  });
}

/** The amount to pay: `--amount` (in cents) or what remains on the bill, never more than that. */
function checkAmount(cents: number | undefined, remaining: Money, billId: string, locale: string): Money {
  if (remaining.amount <= 0) throw new GeneralError('pay.nothingOwed', { params: { bill: billId } });
  const amount: Money = cents === undefined ? remaining : { amount: cents, currency: remaining.currency };
  if (amount.amount > remaining.amount) {
    throw new UsageError('pay.overpay', { params: { amount: formatMoney(amount, locale), remaining: formatMoney(remaining, locale), bill: billId } });
  }
  return amount;
}
