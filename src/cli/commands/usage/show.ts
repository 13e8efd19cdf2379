/**
 * `espace usage show [--period current|previous]`: data used against the allowance, the days left,
 * a projection to the end of the cycle and the overage it would cost, minutes and texts, and a
 * daily chart on a terminal (a plain table when piped, JSON with --json).
 */
import type { HttpClient } from '../../../api/http.js';
import { listOfferings } from '../../../api/tmf/product-catalog.js';
import { listProducts } from '../../../api/tmf/product-inventory.js';
import { type UsageRead, readUsage } from '../../../api/tmf/usage.js';
import { usageOfAccounts } from '../../../api/tmf/usage-batch.js';
import { productsOfAccounts } from '../../../api/tmf/product-inventory-batch.js';
import type { Offering, Product } from '../../../domain/plan.js';
import { formatMoney } from '../../../domain/money.js';
import type { BulkCommand } from '../../../bulk/types.js';
import { ofExistingAccount, ofExistingAccounts } from '../../bulk/existing-account.js';
import { cycleOf, previousCycleOf } from '../../../domain/proration.js';
import { MB_PER_GB, summarizeUsage, totalOtherUsage, type Meter, type OtherUsageTotal, type ProductUsage } from '../../../domain/usage.js';
import { renderBarChart } from '../../../output/chart.js';
import { formatDay, formatPeriod, moneyJson, toJson } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import { renderTable } from '../../../output/table.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';

export interface UsageShowOptions {
  account?: string;
  period: string;
}

function gb(mb: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mb / MB_PER_GB);
}

function count(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

function meterJson(meter: Meter) {
  return { used: meter.used, allowance: meter.allowance ?? null, projected: meter.projected };
}

function usageJson(usage: ProductUsage, locale: string) {
  return {
    product: usage.productId,
    name: usage.productName,
    service: usage.kind,
    dataMb: meterJson(usage.data),
    ...(usage.minutes ? { minutes: meterJson(usage.minutes) } : {}),
    ...(usage.texts ? { texts: meterJson(usage.texts) } : {}),
    ...(usage.overage ? { overage: { used: moneyJson(usage.overage.used, locale), projected: moneyJson(usage.overage.projected, locale) } } : {}),
    daily: usage.daily,
  };
}

function usageText(usage: ProductUsage, ctx: CommandDeps, current: boolean): string {
  const { t, locale, io } = ctx;
  const lines = [io.color.bold(`${sanitizeCell(usage.productName)} (${usage.productId})`)];
  const data = usage.data;
  lines.push(
    data.allowance !== undefined
      ? t('usage.data', { used: gb(data.used, locale), allowance: gb(data.allowance, locale) })
      : t('usage.dataUnlimited', { used: gb(data.used, locale) }),
  );
  if (current) {
    const over = usage.overage?.projected;
    lines.push(
      over && over.amount > 0
        ? t('usage.projectionOver', { projected: gb(data.projected, locale), cost: formatMoney(over, locale) })
        : data.allowance === undefined
          ? t('usage.projectionUnlimited', { projected: gb(data.projected, locale) })
          : t('usage.projection', { projected: gb(data.projected, locale) }),
    );
  } else if (usage.overage && usage.overage.used.amount > 0) {
    lines.push(t('usage.overage', { cost: formatMoney(usage.overage.used, locale) }));
  }
  if (usage.minutes && usage.texts) {
    lines.push(
      t('usage.calls', {
        minutes: count(usage.minutes.used, locale),
        minutesAllowance: usage.minutes.allowance !== undefined ? count(usage.minutes.allowance, locale) : '∞',
        texts: count(usage.texts.used, locale),
        textsAllowance: usage.texts.allowance !== undefined ? count(usage.texts.allowance, locale) : '∞',
      }),
    );
  }
  const chart = renderBarChart(
    usage.daily.map((day) => ({ label: formatDay(day.date, locale), value: day.dataMb, caption: `${gb(day.dataMb, locale)} ${t('usage.gb')}` })),
    io.columns,
    io.plain,
  );
  return `${lines.join('\n')}\n${chart}`;
}

/** Usage of the account's metered services over the chosen cycle, as of `now`. */
async function loadUsage(api: HttpClient, accountId: string, period: string, now: Date) {
  const window = usageWindow(period, now);
  const [products, offerings, read] = await Promise.all([
    listProducts(api, accountId),
    listOfferings(api),
    readUsage(api, accountId, window.cycle.start, window.to),
  ]);
  return usageOf(accountId, period, window, products, offerings, read);
}

/** The cycle a period names as of `now`, the last day read, and the days elapsed. */
function usageWindow(period: string, now: Date) {
  const current = period === 'current';
  const cycle = current ? cycleOf(now) : previousCycleOf(now);
  return { current, cycle, to: current ? now.toISOString().slice(0, 10) : cycle.end, elapsedDays: current ? now.getUTCDate() : cycle.days };
}

/** Usage of the account's metered services, from what was read. */
function usageOf(
  accountId: string,
  period: string,
  window: ReturnType<typeof usageWindow>,
  products: Product[],
  offerings: Offering[],
  { records, other }: UsageRead,
) {
  const { current, cycle, elapsedDays } = window;
  const metered = products.filter((p) => !p.isAddOn && (p.kind === 'mobile' || p.kind === 'internet'));
  const usages = metered.map((p) => {
    const offering = offerings.find((o) => o.id === p.offeringId);
    return summarizeUsage(
      records,
      { id: p.id, name: p.name, kind: p.kind as 'mobile' | 'internet' },
      { dataGb: offering?.dataGb, minutes: offering?.minutes, texts: offering?.texts, dataOverage: offering?.dataOverage },
      { days: cycle.days, elapsedDays },
    );
  });
  return { accountId, period, current, cycle, daysLeft: cycle.days - elapsedDays, usages, records, other, otherTotals: totalOtherUsage(other) };
}

/** A quantity as the server gave it, without float noise from adding ("0.30000000000000004"). */
function quantityText(quantity: number | undefined, locale: string): string {
  return quantity === undefined ? '?' : new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(quantity);
}

/** Usage of types espace does not meter, shown as the server named and measured it. */
function otherUsageText(totals: readonly OtherUsageTotal[], ctx: CommandDeps): string {
  const { t, locale, io } = ctx;
  const lines = [io.color.bold(t('values.otherUsage.heading'))];
  for (const total of totals) {
    lines.push(
      t('values.otherUsage.line', {
        type: sanitizeCell(total.type),
        quantity: quantityText(total.quantity, locale),
        unit: total.unit !== undefined ? sanitizeCell(total.unit) : t('values.otherUsage.noUnit'),
        product: total.productId !== undefined ? sanitizeCell(total.productName ?? total.productId) : '—',
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

type AccountUsage = Awaited<ReturnType<typeof loadUsage>>;

/** What `--json` prints (and each bulk record holds). */
function accountUsageJson({ accountId, period, cycle, daysLeft, usages, otherTotals }: AccountUsage, locale: string) {
  return {
    account: accountId,
    period,
    cycle,
    daysLeft,
    products: usages.map((u) => usageJson(u, locale)),
    // Usage types espace does not meter, totalled per type, unit and product, as the server named them.
    otherUsage: otherTotals.map((total) => ({
      type: total.type,
      unit: total.unit ?? null,
      quantity: total.quantity ?? null,
      product: total.productId ?? null,
      records: total.records,
    })),
  };
}

export const usageShowBulk: BulkCommand<UsageShowOptions> = {
  lookup: ofExistingAccount(async (account, options, { api, locale, clock }) =>
    accountUsageJson(await loadUsage(api, account, options.period, clock()), locale),
  ),
  /** Four requests for a whole batch (and the catalogue's prices once): its accounts, their products, the offerings, their usage. */
  lookupBatch: ofExistingAccounts(async (accounts, options, { api, locale, clock }) => {
    const window = usageWindow(options.period, clock());
    const [products, offerings, usage] = await Promise.all([
      productsOfAccounts(api, accounts),
      listOfferings(api),
      usageOfAccounts(api, accounts, window.cycle.start, window.to),
    ]);
    const found = new Map<string, unknown>();
    if (products === undefined || usage === undefined) return found;
    for (const account of accounts)
      found.set(account, accountUsageJson(usageOf(account, options.period, window, products.get(account)!, offerings, usage.get(account)!), locale));
    return found;
  }),
  csvFields: [
    'account',
    'ok',
    'data.period',
    'data.daysLeft',
    'data.products.length',
    'data.products.0.name',
    'data.products.0.dataMb.used',
    'data.products.0.dataMb.projected',
    'error.code',
    'error.status',
  ],
};

export async function run(options: UsageShowOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const usage = await loadUsage(api, accountId, options.period, ctx.clock());
  const { current, cycle, daysLeft, usages, records, other, otherTotals } = usage;
  const { io, t, locale } = ctx;
  if (ctx.globals.json) {
    io.out(toJson(accountUsageJson(usage, locale)));
    return;
  }
  if (!io.stdoutIsTTY) {
    io.out(
      renderTable(
        io,
        [],
        [
          ...records.map((r) => [r.date.slice(0, 10), r.productId, r.kind, String(r.quantity)]),
          // A type espace does not know keeps its own name, and its unit next to the quantity.
          ...other.map((r) => [r.date.slice(0, 10), r.productId ?? '', r.type, `${r.quantity ?? '?'}${r.unit !== undefined ? ` ${r.unit}` : ''}`]),
        ],
      ),
    );
    return;
  }
  const heading = t(current ? 'usage.headingCurrent' : 'usage.headingPrevious', {
    period: formatPeriod(`${cycle.start}T12:00:00Z`, `${cycle.end}T12:00:00Z`, locale),
    days: daysLeft,
  });
  io.out(`${io.color.bold(heading)}\n\n${usages.map((u) => usageText(u, ctx, current)).join('\n')}`);
  if (otherTotals.length > 0) io.out(`\n${otherUsageText(otherTotals, ctx)}`);
}
