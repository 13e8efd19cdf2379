/** `espace order show ID`: one product order, its items, prices and state history. */
import { getOrder } from '../../../api/tmf/product-order.js';
import { formatMoney } from '../../../domain/money.js';
import { formatDateTime, toJson } from '../../../output/formats.js';
import { termLabel } from '../../../i18n/terms.js';
import { orderStates } from '../../../i18n/vocabularies.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import type { Context } from '../../context.js';
import { stateLine } from '../plan/order-flow.js';
import { actionLabel, orderJson } from '../plan/view.js';

export interface OrderShowOptions {
  id: string;
}

export async function run(options: OrderShowOptions, ctx: Context): Promise<void> {
  const api = await ctx.api();
  const order = await getOrder(api, options.id);
  const { io, t, locale } = ctx;
  if (ctx.globals.json) {
    io.out(toJson(orderJson(order, locale)));
    return;
  }
  const lines = [stateLine(order, ctx)];
  if (order.reason) lines.push(sanitizeCell(order.reason));
  for (const item of order.items) {
    const prices = [item.previousMonthly, item.monthly].filter((m) => m !== undefined).map((m) => formatMoney(m, locale)).join(' → ');
    lines.push(`  ${actionLabel(item.action, t)}  ${sanitizeCell(item.productId ?? '')}  ${sanitizeCell(item.offeringName ?? item.productName ?? '')}  ${prices}`);
  }
  for (const change of order.stateChanges) lines.push(`  ${change.at ? formatDateTime(change.at, locale) : ''}  ${sanitizeCell(termLabel(orderStates, change.state, t))}`);
  io.out(`${lines.join('\n')}\n`);
}
