/** `espace bill show [ID|latest]`: one bill with its five sections. */
import { getBill, getBillRates, toBillLines } from '../../../api/tmf/customer-bill.js';
import { billSections } from '../../../domain/bill.js';
import { amountText, toJson } from '../../../output/formats.js';
import type { StatementLine } from '../../../output/table.js';
import type { CommandDeps } from '../../command-deps.js';
import { billHeading, billJson, sectionRows } from './view.js';
import { resolveBill } from './resolve.js';

export interface BillShowOptions {
  /** A bill id, or `latest`. */
  bill: string;
  account?: string;
}

export async function run(options: BillShowOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  // `latest` reads the bill itself on the way, when it is recent: then only its lines are left.
  const resolved = await resolveBill(api, options.bill, options.account, ctx.clock());
  const [bill, rates] = await Promise.all([resolved.bill ?? getBill(api, resolved.id, options.account), getBillRates(api, resolved.id)]);
  // A line without a currency of its own is in the bill's.
  const lines = await toBillLines(api, rates, bill.totalDue.currency);
  const { io, t, locale } = ctx;

  if (ctx.globals.json) {
    io.out(toJson(billJson(bill, lines, locale)));
    return;
  }
  const sections = billSections(bill, lines);
  const rows = sectionRows(bill, sections, t, locale);
  if (!io.stdoutIsTTY) {
    // One line per row: section title, label, plain amount — easy to cut and sum.
    let section = '';
    const out: string[] = [];
    for (const row of rows) {
      if (row.kind === 'section') section = row.title;
      else out.push([section, row.label, amountText(row.amount, true, locale)].join('\t'));
    }
    io.out(`${out.join('\n')}\n`);
  } else {
    // The table module (and cli-table3 with it) loads only for a terminal: --json and piped output never need it.
    const { renderStatement } = await import('../../../output/table.js');
    const { color } = io;
    io.out(
      `${billHeading(bill, t, locale)
        .map((line, index) => (index === 0 ? color.bold(line) : line))
        .join('\n')}\n`,
    );
    const lines: StatementLine[] = [];
    for (const row of rows) {
      if (row.kind === 'section') lines.push({ label: '', amount: '' }, { label: row.title, amount: '', style: color.heading });
      else if (row.kind === 'item') lines.push({ label: `  ${row.label}`, amount: amountText(row.amount, false, locale) });
      else if (row.kind === 'subtotal') lines.push({ label: `  ${row.label}`, amount: amountText(row.amount, false, locale), style: color.dim });
      else lines.push({ label: row.label, amount: amountText(row.amount, false, locale), style: color.bold });
    }
    io.out(renderStatement(io, lines));
  }
  if (sections.otherCurrencies.length > 0) {
    const currencies = sections.otherCurrencies.map((total) => total.currency).join(', ');
    io.err(`${io.errColor.warning(t('values.otherCurrencies', { currencies, currency: bill.totalDue.currency }))}\n`);
  }
  if (sections.discrepancy.amount !== 0) {
    io.err(`${io.errColor.warning(t('bill.discrepancy', { amount: amountText(sections.discrepancy, false, locale) }))}\n`);
  }
}
