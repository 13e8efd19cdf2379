/** `espace order list`: the account's product orders, newest first. */
import { listOrders } from '../../../api/tmf/product-order.js';
import { formatDate, isoDate, toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';
import { termLabel } from '../../../i18n/terms.js';
import { orderStates } from '../../../i18n/vocabularies.js';
import { orderItemsText, orderJson } from '../plan/view.js';

export interface OrderListOptions {
  account?: string;
}

export async function run(options: OrderListOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const orders = await listOrders(api, accountId);
  const { io, t, locale } = ctx;
  if (ctx.globals.json) {
    io.out(toJson(orders.map((order) => orderJson(order, locale))));
    return;
  }
  if (orders.length === 0) {
    io.err(`${t('order.list.empty', { account: accountId })}\n`);
    return;
  }
  const plain = !io.stdoutIsTTY;
  io.out(
    renderTable(
      io,
      [
        { header: t('order.column.id'), keep: true },
        { header: t('order.column.date') },
        { header: t('order.column.state') },
        { header: t('order.column.items') },
      ],
      orders.map((order) => [
        order.id,
        (plain ? isoDate(order.orderDate) : formatDate(order.orderDate, locale)) ?? '',
        plain ? order.state : termLabel(orderStates, order.state, t),
        orderItemsText(order, t),
      ]),
    ),
  );
}
