/**
 * `espace bill dispute [BILL] [--item LINE] --reason …`: a billing-dispute ticket (TMF621, type
 * billing) linked to the bill, and to the disputed line when one is named, through `relatedEntity`.
 */
import { getBill, getBillLines } from '../../../api/tmf/customer-bill.js';
import { openTicket } from '../../../api/tmf/trouble-ticket.js';
import type { BillLine } from '../../../domain/bill.js';
import { UsageError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import type { CommandDeps } from '../../command-deps.js';
import { readLongText } from '../ticket/long-text.js';
import { ticketJson } from '../ticket/view.js';
import { resolveBillId } from './resolve.js';

export interface BillDisputeOptions {
  /** A bill id, or `latest`. */
  bill: string;
  /** A line id, or (part of) its name. */
  item?: string;
  /** Text, or `-` for stdin. */
  reason?: string;
  severity: string;
  account?: string;
}

/** The line an `--item` names: its id, its exact name, or the only line whose name contains it. */
export function findLine(lines: readonly BillLine[], item: string): BillLine | undefined {
  const wanted = item.trim().toLocaleLowerCase();
  const byId = lines.find((line) => line.id.toLocaleLowerCase() === wanted);
  if (byId) return byId;
  const exact = lines.filter((line) => line.name.toLocaleLowerCase() === wanted);
  if (exact.length === 1) return exact[0];
  const partial = lines.filter((line) => line.name.toLocaleLowerCase().includes(wanted));
  return partial.length === 1 ? partial[0] : undefined;
}

export async function run(options: BillDisputeOptions, ctx: CommandDeps): Promise<void> {
  const { t } = ctx;
  const reason = await readLongText(ctx, { value: options.reason, flag: '--reason', message: t('dispute.askReason') });
  const api = await ctx.api();
  const billId = await resolveBillId(api, options.bill, options.account);
  const bill = await getBill(api, billId);
  let line: BillLine | undefined;
  if (options.item !== undefined) {
    const lines = await getBillLines(api, bill.id, bill.totalDue.currency);
    line = findLine(lines, options.item);
    if (!line) {
      throw new UsageError('dispute.noSuchItem', {
        params: { item: options.item, bill: bill.id, lines: lines.map((candidate) => `${candidate.id} (${sanitizeCell(candidate.name)})`).join(', ') },
      });
    }
  }
  const ticket = await openTicket(api, {
    subject: line ? t('dispute.subjectLine', { number: bill.number, line: line.name }) : t('dispute.subject', { number: bill.number }),
    description: reason,
    type: 'billing',
    severity: options.severity,
    accountId: bill.accountId || undefined,
    related: [
      { id: bill.id, type: 'CustomerBill', role: 'disputedBill' },
      ...(line ? [{ id: line.id, type: 'AppliedCustomerBillingRate' as const, role: 'disputedItem' }] : []),
    ],
  });
  if (ctx.globals.json) {
    ctx.io.out(toJson(ticketJson(ticket)));
    return;
  }
  ctx.io.out(
    `${line ? t('dispute.doneLine', { id: sanitizeCell(ticket.id), bill: sanitizeCell(bill.id), line: sanitizeCell(line.name) }) : t('dispute.done', { id: sanitizeCell(ticket.id), bill: sanitizeCell(bill.id) })}\n`,
  );
  ctx.io.err(`${t('ticket.followHint', { id: sanitizeCell(ticket.id) })}\n`);
}
