/** `espace account show`: one line about a billing account (holder, services, balance, last bill, autopay, open tickets). */
import type { Money } from '../../../domain/money.js';
import { amountText, formatDate, toJson } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';
import { type AccountShowOptions, accountSummary } from './summary.js';

export type { AccountShowOptions };

export async function run(options: AccountShowOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const summary = await accountSummary(api, accountId, ctx.locale);
  const { io, t } = ctx;
  if (ctx.globals.json) {
    io.out(toJson(summary));
    return;
  }
  const none = t('account.show.none');
  if (!io.stdoutIsTTY) {
    // The table module (cli-table3, string widths) loads only for a table: --json never needs it.
    const { renderTable } = await import('../../../output/table.js');
    // Tab-separated, plain amounts: account, holder, services, balance, overdue, last bill, its date, its total, autopay, open tickets.
    // Piped, the table is one record a line with no header, so it needs no columns.
    const cents = (money: Money | null) => (money ? amountText(money, true, ctx.locale) : '');
    const services = summary.services.length > 0 ? summary.services.join(', ') : none;
    io.out(
      renderTable(
        io,
        [],
        [
          [
            summary.account,
            summary.holder ?? '',
            services,
            cents(summary.balance),
            cents(summary.overdue),
            summary.lastBill?.id ?? '',
            summary.lastBill?.billDate ?? '',
            cents(summary.lastBill?.totalDue ?? null),
            String(summary.autopay),
            String(summary.openTickets),
          ],
        ],
      ),
    );
    return;
  }
  const services = summary.services.length > 0 ? summary.services.map(sanitizeCell).join(', ') : none;
  const lastBill = summary.lastBill
    ? t('account.show.lastBill', { date: formatDate(summary.lastBill.billDate ?? undefined, ctx.locale), total: summary.lastBill.totalDue.formatted })
    : none;
  io.out(
    `${t('account.show.line', {
      account: io.color.bold(sanitizeCell(summary.account)),
      holder: sanitizeCell(summary.holder ?? summary.name),
      services,
      balance: summary.balance?.formatted ?? none,
      lastBill,
      autopay: t(summary.autopay ? 'account.show.autopayOn' : 'account.show.autopayOff'),
      openTickets: summary.openTickets,
    })}\n`,
  );
}
