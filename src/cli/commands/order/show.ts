/** `espace order show ID`: one product order, its items, prices and state history. */
import { getOrder } from '../../../api/tmf/product-order.js';
import type { Order } from '../../../domain/plan.js';
import { GeneralError } from '../../../errors.js';
import { formatMoney } from '../../../domain/money.js';
import { formatDateTime, toJson } from '../../../output/formats.js';
import { termLabel } from '../../../i18n/terms.js';
import { orderStates } from '../../../i18n/vocabularies.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import type { CommandDeps } from '../../command-deps.js';
import { stateLine } from '../plan/order-flow.js';
import { actionLabel, orderJson } from '../plan/view.js';

export interface OrderShowOptions {
  id: string;
  /** Follow the order until it reaches a final state. */
  watch?: boolean;
}

/** States after which an order no longer changes (TMF622). */
const FINAL_STATES: ReadonlySet<string> = new Set(['completed', 'failed', 'rejected', 'cancelled', 'partial']);
const FIRST_WAIT_MS = 500;
const LONGEST_WAIT_MS = 10_000;

/**
 * Re-reads the order until its state is final, printing each new state on stderr; waits grow from
 * half a second to ten (an order moves in seconds in the sandbox, in hours or days elsewhere).
 */
async function watch(options: OrderShowOptions, ctx: CommandDeps): Promise<Order> {
  const api = await ctx.api();
  let order = await getOrder(api, options.id);
  let wait = FIRST_WAIT_MS;
  let shown = '';
  for (;;) {
    const line = stateLine(order, ctx);
    if (line !== shown) {
      ctx.io.err(`${line}\n`);
      shown = line;
      wait = FIRST_WAIT_MS;
    }
    if (FINAL_STATES.has(order.state)) return order;
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, LONGEST_WAIT_MS);
    order = await getOrder(api, options.id);
  }
}

export async function run(options: OrderShowOptions, ctx: CommandDeps): Promise<void> {
  const order = options.watch ? await watch(options, ctx) : await getOrder(await ctx.api(), options.id);
  const { io, t, locale } = ctx;
  if (ctx.globals.json) {
    io.out(toJson(orderJson(order, locale)));
    return;
  }
  const lines = [stateLine(order, ctx)];
  if (order.reason) lines.push(sanitizeCell(order.reason));
  for (const item of order.items) {
    const prices = [item.previousMonthly, item.monthly]
      .filter((m) => m !== undefined)
      .map((m) => formatMoney(m, locale))
      .join(' → ');
    lines.push(
      `  ${actionLabel(item.action, t)}  ${sanitizeCell(item.productId ?? '')}  ${sanitizeCell(item.offeringName ?? item.productName ?? '')}  ${prices}`,
    );
  }
  for (const change of order.stateChanges)
    lines.push(`  ${change.at ? formatDateTime(change.at, locale) : ''}  ${sanitizeCell(termLabel(orderStates, change.state, t))}`);
  io.out(`${lines.join('\n')}\n`);
  // A watched order that ends without completing is a failure for the script that waited on it.
  if (options.watch && (order.state === 'failed' || order.state === 'rejected')) {
    throw new GeneralError('order.notCompleted', { params: { id: order.id, state: order.state, reason: sanitizeCell(order.reason ?? '') } });
  }
}
