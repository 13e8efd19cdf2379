/**
 * The one way the plan-area commands change an account: show a preview (old and new monthly price,
 * the prorated amount for the rest of the cycle, the effective date, the terms), have the terms
 * accepted and the order confirmed, place the TMF622 order, and report its state.
 */
import { placeOrder, type OrderRequestItem } from '../../../api/tmf/product-order.js';
import type { HttpClient } from '../../../api/http.js';
import { formatMoney, type Money } from '../../../domain/money.js';
import type { Order } from '../../../domain/plan.js';
import type { Proration } from '../../../domain/proration.js';
import { CancelledError, GeneralError, UsageError } from '../../../errors.js';
import type { MessageKey } from '../../../i18n/catalog.js';
import { formatDate, moneyJson, signedAmount, toJson } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import type { CommandDeps } from '../../command-deps.js';
import { termLabel } from '../../../i18n/terms.js';
import { orderStates } from '../../../i18n/vocabularies.js';
import { orderJson } from './view.js';

export interface OrderPreview {
  /** The message that titles the preview, with its parameters. */
  title: { key: MessageKey; params: Record<string, string> };
  before?: Money;
  after?: Money;
  proration: Proration;
  /** Sentences the customer agrees to. */
  terms: string[];
}

export interface ConfirmOptions {
  acceptTerms: boolean;
  yes: boolean;
}

export function previewText(preview: OrderPreview, ctx: CommandDeps): string {
  const { t, locale } = ctx;
  const { proration } = preview;
  const none = t('plan.preview.nothing');
  const lines = [
    ctx.io.errColor.bold(t(preview.title.key, Object.fromEntries(Object.entries(preview.title.params).map(([k, v]) => [k, sanitizeCell(v)])))),
    t('plan.preview.monthly', {
      before: preview.before ? formatMoney(preview.before, locale) : none,
      after: preview.after ? formatMoney(preview.after, locale) : none,
    }),
    t('plan.preview.effective', { date: formatDate(proration.effectiveDate, locale), days: proration.daysLeft, cycleDays: proration.cycle.days }),
    t('plan.preview.prorated', {
      credit: signedAmount(proration.credit, locale),
      charge: signedAmount(proration.charge, locale),
      net: signedAmount(proration.net, locale),
    }),
    t('plan.preview.terms'),
    ...preview.terms.map((term) => `  - ${term}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function previewJson(preview: OrderPreview, locale: string) {
  const { proration } = preview;
  return {
    monthlyBefore: preview.before ? moneyJson(preview.before, locale) : null,
    monthlyAfter: preview.after ? moneyJson(preview.after, locale) : null,
    effectiveDate: proration.effectiveDate,
    daysLeftInCycle: proration.daysLeft,
    cycle: proration.cycle,
    proratedCredit: moneyJson(proration.credit, locale),
    proratedCharge: moneyJson(proration.charge, locale),
    proratedNet: moneyJson(proration.net, locale),
    terms: preview.terms,
  };
}

/** Asks for what the flags did not give; a missing answer off a terminal names the flag. */
async function confirmOrder(ctx: CommandDeps, options: ConfirmOptions): Promise<void> {
  if (!options.acceptTerms) {
    if (!ctx.io.interactive) throw new UsageError('plan.termsRequired');
    const accepted = await ctx.prompt.confirm({ message: ctx.t('plan.prompt.acceptTerms'), flag: '--accept-terms', default: false });
    if (!accepted) throw new CancelledError();
  }
  if (!options.yes) {
    const confirmed = await ctx.prompt.confirm({ message: ctx.t('plan.prompt.placeOrder'), flag: '--yes', default: true });
    if (!confirmed) throw new CancelledError();
  }
}

export function stateLine(order: Order, ctx: CommandDeps): string {
  const word = (state: string) => termLabel(orderStates, state, ctx.t);
  const history = order.stateChanges.map((change) => word(change.state)).join(' → ');
  return sanitizeCell(ctx.t('order.placed', { id: order.id, state: word(order.state), history: history || word(order.state) }));
}

export async function previewAndOrder(
  ctx: CommandDeps,
  api: HttpClient,
  accountId: string,
  preview: OrderPreview,
  items: readonly OrderRequestItem[],
  options: ConfirmOptions,
): Promise<Order> {
  ctx.io.err(previewText(preview, ctx));
  await confirmOrder(ctx, options);
  const order = await ctx.io.waitFor(ctx.t('core.waiting', { what: ctx.t('core.waiting.order') }), placeOrder(api, accountId, items));
  if (ctx.globals.json) ctx.io.out(toJson({ order: orderJson(order, ctx.locale), preview: previewJson(preview, ctx.locale) }));
  else {
    ctx.io.out(`${stateLine(order, ctx)}\n`);
    if (order.reason) ctx.io.out(`${sanitizeCell(order.reason)}\n`);
  }
  if (order.state === 'rejected') throw new GeneralError('order.rejected', { params: { id: order.id, reason: sanitizeCell(order.reason ?? '') } });
  return order;
}
