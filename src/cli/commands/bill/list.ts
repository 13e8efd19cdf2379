/** `espace bill list`: the account's bills, most recent first. */
import { callerBills, listBills, toBillSummary } from '../../../api/tmf/customer-bill.js';
import { amountText, formatDate, formatPeriod, isoDate, toJson } from '../../../output/formats.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';
import { billSummaryJson, stateLabel } from './view.js';

export interface BillListOptions {
  account?: string;
  state?: string;
  limit: number;
}

/** How many bills are read with no account named before asking by account: years of a customer's monthly bills. */
const CALLER_BILLS = 100;

export async function run(options: BillListOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  // With no --account, the caller's bills are asked for while the account list says which account
  // is the caller's: one round trip instead of two. A failed or partial answer only means asking
  // again by account, whose error, if it is one, comes then.
  const ofCaller = options.account === undefined ? callerBills(api, { state: options.state }, CALLER_BILLS).catch(() => undefined) : undefined;
  const accountId = await resolveAccountId(api, options.account);
  const known = await ofCaller;
  const bills = known
    ? known.of(accountId).slice(0, options.limit).map(toBillSummary)
    : await listBills(api, { accountId, state: options.state, limit: options.limit });
  const { io, t, locale } = ctx;

  if (ctx.globals.json) {
    io.out(toJson(bills.map((bill) => billSummaryJson(bill, locale))));
    return;
  }
  if (bills.length === 0) {
    io.err(`${t('bill.list.empty', { account: accountId })}\n`);
    return;
  }
  // The table module (cli-table3, string widths) loads only for a table: --json never needs it.
  const { renderTable } = await import('../../../output/table.js');
  const plain = !io.stdoutIsTTY;
  const rows = bills.map((bill) =>
    plain
      ? [
          bill.id,
          bill.number,
          isoDate(bill.period.start) ?? '',
          isoDate(bill.period.end) ?? '',
          isoDate(bill.billDate) ?? '',
          amountText(bill.totalDue, true, locale),
          isoDate(bill.dueDate) ?? '',
          bill.state,
        ]
      : [
          bill.id,
          bill.number,
          formatPeriod(bill.period.start, bill.period.end, locale),
          formatDate(bill.billDate, locale),
          amountText(bill.totalDue, false, locale),
          formatDate(bill.dueDate, locale),
          stateLabel(bill.state, t),
        ],
  );
  io.out(
    renderTable(
      io,
      [
        { header: t('bill.column.id'), keep: true },
        { header: t('bill.column.number'), keep: true },
        { header: t('bill.column.period') },
        { header: t('bill.column.date') },
        { header: t('bill.column.total'), align: 'right' },
        { header: t('bill.column.due') },
        { header: t('bill.column.status') },
      ],
      rows,
    ),
  );
}
