/** `espace addon remove PRODUCT`: ends an add-on today, after a preview and the terms. */
import { listProducts } from '../../../api/tmf/product-inventory.js';
import { prorateChange } from '../../../domain/proration.js';
import { UsageError } from '../../../errors.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';
import { previewAndOrder } from '../plan/order-flow.js';
import { removalTerms } from '../plan/terms.js';

export interface AddonRemoveOptions {
  product: string;
  account?: string;
  acceptTerms: boolean;
  yes: boolean;
}

export async function run(options: AddonRemoveOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const products = await listProducts(api, accountId);
  const product = products.find((p) => p.id === options.product);
  if (!product || !product.isAddOn) {
    throw new UsageError('addon.notSubscribed', {
      params: {
        product: options.product,
        addons:
          products
            .filter((p) => p.isAddOn)
            .map((p) => p.id)
            .join(', ') || '—',
      },
    });
  }
  await previewAndOrder(
    ctx,
    api,
    accountId,
    {
      title: { key: 'addon.preview.remove', params: { name: product.name } },
      before: product.monthly,
      proration: prorateChange(product.monthly, undefined, ctx.clock()),
      terms: removalTerms(ctx.t),
    },
    [{ action: 'delete', productId: product.id }],
    options,
  );
}
