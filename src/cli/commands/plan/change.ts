/**
 * `espace plan change [--service S] [--to OFFER]`: moves one service to another plan. Prompts for
 * the service and the offer when they are missing on a terminal, refuses what cannot be ordered
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
import type { Context } from '../../context.js';
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

async function chooseService(ctx: Context, services: readonly Product[], given: string | undefined): Promise<Product> {
  const held = services.map((p) => p.kind).filter((k): k is ServiceType => k !== undefined && isService(k));
  let service = given;
  if (service === undefined) {
    if (held.length === 1) service = held[0]!;
    else {
      ctx.io.err(`${services.map((p) => sanitizeCell(`  ${p.kind}  ${p.name} (${formatMoney(p.monthly, ctx.locale)})`)).join('\n')}\n`);
      service = await ctx.prompt.input({
        message: ctx.t('plan.prompt.service', { services: held.join(', ') }),
        flag: '--service',
        validate: (value) => held.includes(value.trim() as ServiceType) || ctx.t('plan.prompt.oneOf', { choices: held.join(', ') }),
      });
      service = service.trim();
    }
  }
  if (!isService(service)) throw new UsageError('plan.unknownService', { params: { service, services: SERVICE_TYPES.join(', ') } });
  const product = services.find((p) => p.kind === service);
  if (!product) throw new UsageError('plan.noSuchService', { params: { service, services: held.join(', ') || '—' } });
  return product;
}

async function chooseOffering(ctx: Context, product: Product, offerings: readonly Offering[], given: string | undefined): Promise<Offering> {
  const choices = offerings.filter((o) => o.kind === product.kind && o.id !== product.offeringId);
  let id = given;
  if (id === undefined) {
    ctx.io.err(
      `${choices.map((o) => sanitizeCell(`  ${o.id}  ${o.name}  ${formatMoney(o.monthly, ctx.locale)}  ${offeringDetails(o, ctx.t, ctx.locale)}`)).join('\n')}\n`,
    );
    id = (
      await ctx.prompt.input({
        message: ctx.t('plan.prompt.offer', { current: sanitizeCell(product.name) }),
        flag: '--to',
        validate: (value) => choices.some((o) => o.id === value.trim()) || ctx.t('plan.prompt.oneOf', { choices: choices.map((o) => o.id).join(', ') }),
      })
    ).trim();
  }
  const offering = offerings.find((o) => o.id === id);
  if (!offering) throw new UsageError('plan.unknownOffer', { params: { offer: id } });
  return offering;
}

export async function run(options: PlanChangeOptions, ctx: Context): Promise<void> {
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
