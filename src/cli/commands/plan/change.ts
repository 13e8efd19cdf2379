/**
 * `espace plan change [--service S] [--to OFFER]`: moves one service to another plan. On a
 * terminal, the service and the offer are picked from lists when missing (the plans that cannot
 * be ordered are shown with why, and cannot be picked), refuses what cannot be ordered
 * before showing anything, previews, and orders once the terms are accepted.
 */
import { listOfferings } from '../../../api/tmf/product-catalog.js';
import { listProducts } from '../../../api/tmf/product-inventory.js';
import { planChangeProblem, SERVICE_TYPES, type Offering, type Product, type ServiceType } from '../../../domain/plan.js';
import { prorateChange } from '../../../domain/proration.js';
import { formatMoney } from '../../../domain/money.js';
import { UsageError } from '../../../errors.js';
import { formatDate } from '../../../output/formats.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';
import { previewAndOrder } from './order-flow.js';
import { planChangeTerms } from './terms.js';
import { offeringDetails, serviceLabel } from './view.js';

export interface PlanChangeOptions {
  account?: string;
  service?: string;
  to?: string;
  acceptTerms: boolean;
  yes: boolean;
}

function isService(value: string): value is ServiceType {
  return (SERVICE_TYPES as readonly string[]).includes(value);
}

async function chooseService(ctx: CommandDeps, services: readonly Product[], given: string | undefined): Promise<Product> {
  const held = services.map((p) => p.kind).filter((k): k is ServiceType => k !== undefined && isService(k));
  const service = given;
  if (service === undefined) {
    const choosable = services.filter((p) => p.kind !== undefined && isService(p.kind));
    if (choosable.length === 1) return choosable[0]!;
    // The services are picked from a list, not typed: the product id is the answer.
    const id = await ctx.prompt.select({
      message: ctx.t('plan.prompt.chooseService'),
      flag: '--service',
      choices: choosable.map((p) => ({ value: p.id, name: `${serviceLabel(p.kind, ctx.t)} — ${p.name} (${formatMoney(p.monthly, ctx.locale)})` })),
    });
    return choosable.find((p) => p.id === id)!;
  }
  if (!isService(service)) throw new UsageError('plan.unknownService', { params: { service, services: SERVICE_TYPES.join(', ') } });
  const product = services.find((p) => p.kind === service);
  if (!product) throw new UsageError('plan.noSuchService', { params: { service, services: held.join(', ') || '—' } });
  return product;
}

/** Why an offer cannot be picked, in a few words beside it in the list; undefined when it can. */
function whyNot(ctx: CommandDeps, product: Product, offering: Offering): string | undefined {
  const problem = planChangeProblem(product, offering, ctx.clock());
  if (problem === undefined) return undefined;
  if (problem === 'same') return ctx.t('plan.choice.current');
  if (problem === 'downgradeInTerm') return ctx.t('plan.choice.downgradeInTerm', { end: formatDate(product.contractEnd, ctx.locale) });
  return ctx.t('plan.choice.unavailable');
}

async function chooseOffering(ctx: CommandDeps, product: Product, offerings: readonly Offering[], given: string | undefined): Promise<Offering> {
  let id = given;
  if (id === undefined) {
    // Every plan of the service is listed: those that cannot be ordered are shown with why, and cannot be picked.
    const plans = offerings.filter((o) => o.kind === product.kind);
    const choices = plans.map((o) => ({
      value: o.id,
      name: `${o.name}  ${formatMoney(o.monthly, ctx.locale)}`,
      description: offeringDetails(o, ctx.t, ctx.locale) || undefined,
      disabled: whyNot(ctx, product, o),
    }));
    if (!choices.some((c) => c.disabled === undefined)) {
      throw new UsageError('plan.noOfferAllowed', { params: { product: sanitizeCell(product.name), service: serviceLabel(product.kind, ctx.t) } });
    }
    id = await ctx.prompt.select({
      message: ctx.t('plan.prompt.offer', { current: sanitizeCell(product.name) }),
      flag: '--to',
      choices,
      default: choices.find((c) => c.disabled === undefined)?.value,
    });
  }
  const offering = offerings.find((o) => o.id === id);
  if (!offering) throw new UsageError('plan.unknownOffer', { params: { offer: id } });
  return offering;
}

export async function run(options: PlanChangeOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const [products, offerings] = await Promise.all([listProducts(api, accountId), listOfferings(api)]);
  const services = products.filter((p) => !p.isAddOn);
  const product = await chooseService(ctx, services, options.service);
  const offering = await chooseOffering(ctx, product, offerings, options.to);
  const now = ctx.clock();
  const problem = planChangeProblem(product, offering, now);
  if (problem) {
    throw new UsageError(`plan.problem.${problem}`, {
      params: {
        product: sanitizeCell(product.name),
        offer: offering.id,
        service: serviceLabel(product.kind, ctx.t),
        end: formatDate(product.contractEnd, ctx.locale),
      },
    });
  }
  const proration = prorateChange(product.monthly, offering.monthly, now);
  await previewAndOrder(
    ctx,
    api,
    accountId,
    {
      title: { key: 'plan.preview.change', params: { service: serviceLabel(product.kind, ctx.t), from: product.name, to: offering.name } },
      before: product.monthly,
      after: offering.monthly,
      proration,
      terms: planChangeTerms(product, offering, proration.effectiveDate, now, ctx.t, ctx.locale),
    },
    [{ action: 'modify', productId: product.id, offeringId: offering.id }],
    options,
  );
}
