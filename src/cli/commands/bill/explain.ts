/** `espace bill explain [BILL]`: why a bill differs from the one before it, in plain sentences. */
import { diffBills } from '../../../domain/bill-diff.js';
import { amountText, signedAmount, toJson } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import type { CommandDeps } from '../../command-deps.js';
import { diffJson, explainChange, reconciliationLine, sectionTitle, totalsLine } from './change-view.js';
import { loadBillPair } from './compare.js';

export interface BillExplainOptions {
  /** A bill id, or `latest`. */
  bill: string;
  account?: string;
}

export async function run(options: BillExplainOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const { older, newer } = await loadBillPair(api, options.bill, undefined, options.account);
  const diff = diffBills(older, newer);
  const { io, t, locale } = ctx;

  if (ctx.globals.json) {
    io.out(toJson(diffJson(diff, t, locale)));
    return;
  }
  if (!io.stdoutIsTTY) {
    // One change per line: section, reason, effect in plain decimals, the sentence.
    const lines = diff.changes.map((change) =>
      [change.section, change.reason, amountText(change.effect, true, locale), explainChange(change, t, locale)].join('\t'),
    );
    if (lines.length) io.out(`${lines.join('\n')}\n`);
    return;
  }
  const { color } = io;
  const out: string[] = [
    color.bold(t('bill.diff.heading', { before: sanitizeCell(diff.before.number), after: sanitizeCell(diff.after.number) })),
    totalsLine(diff, t, locale),
  ];
  if (diff.changes.length === 0) out.push('', t('bill.diff.noChange'));
  let section = '';
  for (const change of diff.changes) {
    if (change.section !== section) {
      section = change.section;
      out.push('', color.heading(sectionTitle(change.section, t)));
    }
    out.push(`  • ${explainChange(change, t, locale)} ${color.dim(`(${signedAmount(change.effect, locale)})`)}`);
  }
  if (diff.changes.length > 0) out.push('', reconciliationLine(diff, t, locale));
  io.out(`${out.join('\n')}\n`);
}
