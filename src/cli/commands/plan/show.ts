/** `espace plan show`: the account's services and add-ons with their monthly prices. */
import { listProducts } from '../../../api/tmf/product-inventory.js';
import { formatMoney, sum } from '../../../domain/money.js';
import { formatDate, isoDate, moneyJson, toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import { resolveAccountId } from '../../account.js';
import type { Context } from '../../context.js';
import { productJson, serviceLabel } from './view.js';

export interface PlanShowOptions {
  account?: string;
}

export async function run(options: PlanShowOptions, ctx: Context): Promise<void> {
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const products = await listProducts(api, accountId);
  const { io, t, locale } = ctx;
  const total = sum(products.map((p) => p.monthly));
  if (ctx.globals.json) {
    io.out(toJson({ account: accountId, products: products.map((p) => productJson(p, locale)), monthlyTotal: moneyJson(total, locale) }));
    return;
  }
  if (products.length === 0) {
    io.err(`${t('plan.show.empty', { account: accountId })}\n`);
    return;
  }
  const plain = !io.stdoutIsTTY;
  const rows = products.map((p) => [
    p.id,
    p.isAddOn ? t('plan.service.addOn') : serviceLabel(p.kind, t),
    p.name,
    p.offeringId ?? '',
    plain ? (p.monthly.amount / 100).toFixed(2) : formatMoney(p.monthly, locale),
    (plain ? isoDate(p.contractEnd) : p.contractEnd ? formatDate(p.contractEnd, locale) : '') ?? '',
  ]);
  if (!plain) rows.push(['', '', t('plan.show.total'), '', formatMoney(total, locale), '']);
  io.out(
    renderTable(
      io,
      [
        { header: t('plan.column.product') },
        { header: t('plan.column.service') },
        { header: t('plan.column.name') },
        { header: t('plan.column.offer') },
        { header: t('plan.column.monthly'), align: 'right' },
        { header: t('plan.column.contractEnd') },
      ],
      rows,
    ),
  );
}
