/** `espace addon list`: the add-ons the account has, and those it could add. */
import { listOfferings } from '../../../api/tmf/product-catalog.js';
import { listProducts } from '../../../api/tmf/product-inventory.js';
import { addOnProblem } from '../../../domain/plan.js';
import { amountText, toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';
import { offeringDetails, offeringJson, productJson } from '../plan/view.js';

export interface AddonListOptions {
  account?: string;
}

export async function run(options: AddonListOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const [products, offerings] = await Promise.all([listProducts(api, accountId), listOfferings(api, 'addOn')]);
  const subscribed = products.filter((p) => p.isAddOn);
  const available = offerings.filter((o) => addOnProblem(o, products) === undefined);
  const { io, t, locale } = ctx;
  if (ctx.globals.json) {
    io.out(toJson({ account: accountId, subscribed: subscribed.map((p) => productJson(p, locale)), available: available.map((o) => offeringJson(o, locale)) }));
    return;
  }
  const plain = !io.stdoutIsTTY;
  const rows = [
    ...subscribed.map((p) => [plain ? 'subscribed' : t('addon.subscribed'), p.id, p.name, amountText(p.monthly, plain, locale), '']),
    ...available.map((o) => [plain ? 'available' : t('addon.available'), o.id, o.name, amountText(o.monthly, plain, locale), offeringDetails(o, t, locale)]),
  ];
  io.out(
    renderTable(
      io,
      [
        { header: t('addon.column.status') },
        { header: t('addon.column.id'), keep: true },
        { header: t('plan.column.name') },
        { header: t('plan.column.monthly'), align: 'right' },
        { header: t('plan.column.details') },
      ],
      rows,
    ),
  );
}
