/** `espace addon add OFFER`: adds an add-on, after a preview and the terms. */
import { listOfferings } from '../../../api/tmf/product-catalog.js';
import { listProducts } from '../../../api/tmf/product-inventory.js';
import { addOnProblem } from '../../../domain/plan.js';
import { prorateChange } from '../../../domain/proration.js';
import { UsageError } from '../../../errors.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';
import { previewAndOrder } from '../plan/order-flow.js';
import { addOnTerms } from '../plan/terms.js';
import { serviceLabel } from '../plan/view.js';

export interface AddonAddOptions {
  offer: string;
  account?: string;
  acceptTerms: boolean;
  yes: boolean;
}

export async function run(options: AddonAddOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const [products, offerings] = await Promise.all([listProducts(api, accountId), listOfferings(api)]);
  const offering = offerings.find((o) => o.id === options.offer);
  if (!offering) throw new UsageError('plan.unknownOffer', { params: { offer: options.offer } });
  const problem = addOnProblem(offering, products);
  if (problem) {
    throw new UsageError(`addon.problem.${problem}`, {
      params: {
        offer: offering.id,
        name: sanitizeCell(offering.name),
        service: serviceLabel(offering.requiresService, ctx.t),
        compatible: (offering.compatibleWith ?? []).join(', '),
      },
    });
  }
  await previewAndOrder(
    ctx,
    api,
    accountId,
    {
      title: { key: 'addon.preview.add', params: { name: offering.name } },
      after: offering.monthly,
      proration: prorateChange(undefined, offering.monthly, ctx.clock()),
      terms: addOnTerms(offering, ctx.t, ctx.locale),
    },
    [{ action: 'add', offeringId: offering.id }],
    options,
  );
}
