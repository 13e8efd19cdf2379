/** `espace bill diff [A] [B]`: what changed, section by section, between two bills (default: the latest and the one before). */
import { diffBills } from '../../../domain/bill-diff.js';
import { amountText, signedAmount, toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import type { CommandDeps } from '../../command-deps.js';
import { changeItem, diffJson, reconciliationLine, sectionTitle, totalsLine } from './change-view.js';
import { loadBillPair } from './compare.js';

export interface BillDiffOptions {
  /** A bill id, or `latest`. */
  first: string;
  /** The other bill; by default the one before `first`. */
  second?: string;
  account?: string;
}

export async function run(options: BillDiffOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const { older, newer } = await loadBillPair(api, options.first, options.second, options.account);
  const diff = diffBills(older, newer);
  const { io, t, locale } = ctx;

  if (ctx.globals.json) {
    io.out(toJson(diffJson(diff, t, locale)));
    return;
  }
  const plain = !io.stdoutIsTTY;
  const amount = (money: Parameters<typeof amountText>[0] | undefined) => (money ? amountText(money, plain, locale) : plain ? '' : '—');
  const rows = diff.changes.map((change) => [
    plain ? change.section : sectionTitle(change.section, t),
    changeItem(change, t),
    amount(change.before),
    amount(change.after),
    plain ? amountText(change.effect, true, locale) : signedAmount(change.effect, locale),
  ]);
  if (!plain) {
    io.out(
      `${io.color.bold(t('bill.diff.heading', { before: sanitizeCell(diff.before.number), after: sanitizeCell(diff.after.number) }))}\n${totalsLine(diff, t, locale)}\n\n`,
    );
    if (rows.length === 0) io.out(`${t('bill.diff.noChange')}\n`);
  }
  if (rows.length > 0) {
    io.out(
      renderTable(
        io,
        [
          { header: t('bill.diff.column.section') },
          { header: t('bill.diff.column.item') },
          { header: t('bill.diff.column.before'), align: 'right' },
          { header: t('bill.diff.column.after'), align: 'right' },
          { header: t('bill.diff.column.change'), align: 'right' },
        ],
        rows,
      ),
    );
  }
  if (!plain && rows.length > 0) io.out(`\n${reconciliationLine(diff, t, locale)}\n`);
}
