/** `espace plan show`: the account's services and add-ons with their monthly prices. */
import type { HttpClient } from '../../../api/http.js';
import { listProducts } from '../../../api/tmf/product-inventory.js';
import { productsOfAccounts } from '../../../api/tmf/product-inventory-batch.js';
import type { Product } from '../../../domain/plan.js';
import type { BulkCommand } from '../../../bulk/types.js';
import { ofExistingAccount, ofExistingAccounts } from '../../bulk/existing-account.js';
import { formatMoney, sum } from '../../../domain/money.js';
import { GeneralError } from '../../../errors.js';
import { amountText, formatDate, isoDate, moneyJson, toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';
import { productJson, serviceLabel } from './view.js';

export interface PlanShowOptions {
  account?: string;
}

/** The account's products and their monthly total. */
async function loadPlan(api: HttpClient, accountId: string) {
  return planOf(accountId, await listProducts(api, accountId));
}

/** The account's products and their monthly total, from its products as read. */
function planOf(accountId: string, products: Product[]) {
  // espace does not convert currencies: prices in several (a product without a price counts in none) are refused, not added.
  const priced = products.map((p) => p.monthly).filter((price) => price.amount !== 0);
  const currencies = [...new Set(priced.map((price) => price.currency))];
  if (currencies.length > 1) throw new GeneralError('values.sumCurrencies', { params: { account: accountId, currencies: currencies.join(', ') } });
  return { products, total: sum(priced, currencies[0] ?? 'CAD') };
}

type Plan = Awaited<ReturnType<typeof loadPlan>>;

/** What `--json` prints (and each bulk record holds). */
function planJson(accountId: string, { products, total }: Plan, locale: string) {
  return { account: accountId, products: products.map((p) => productJson(p, locale)), monthlyTotal: moneyJson(total, locale) };
}

export const planShowBulk: BulkCommand<PlanShowOptions> = {
  lookup: ofExistingAccount(async (account, _options, { api, locale }) => planJson(account, await loadPlan(api, account), locale)),
  /**
   * Two requests for a whole batch: its accounts (which exist), and their active products. An
   * account whose plan cannot be summed (prices in several currencies) is left to `lookup`,
   * which gives its error.
   */
  lookupBatch: ofExistingAccounts(async (accounts, _options, { api, locale }) => {
    const found = new Map<string, unknown>();
    for (const [account, products] of (await productsOfAccounts(api, accounts)) ?? []) {
      try {
        found.set(account, planJson(account, planOf(account, products), locale));
      } catch {
        // Looked up alone, for its own record.
      }
    }
    return found;
  }),
  csvFields: [
    'account',
    'ok',
    'data.products.length',
    'data.products.0.name',
    'data.monthlyTotal.amount',
    'data.monthlyTotal.currency',
    'error.code',
    'error.status',
  ],
};

export async function run(options: PlanShowOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const plan = await loadPlan(api, accountId);
  const { products, total } = plan;
  const { io, t, locale } = ctx;
  if (ctx.globals.json) {
    io.out(toJson(planJson(accountId, plan, locale)));
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
    amountText(p.monthly, plain, locale),
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
