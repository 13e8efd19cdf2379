/** `espace payment-method remove ID [--yes]`. */
import { deletePaymentMethod } from '../../../api/tmf/payment.js';
import { CancelledError, UsageError } from '../../../errors.js';
import type { CommandDeps } from '../../command-deps.js';

export interface PaymentMethodRemoveOptions {
  id: string;
  yes: boolean;
}

export async function run(options: PaymentMethodRemoveOptions, ctx: CommandDeps): Promise<void> {
  const { io, t } = ctx;
  if (!options.yes) {
    if (!io.interactive) throw new UsageError('paymentMethod.removeNeedsYes');
    if (!(await ctx.prompt.confirm({ message: t('paymentMethod.confirmRemove', { id: options.id }), flag: '--yes', default: false }))) {
      throw new CancelledError();
    }
  }
  const api = await ctx.api();
  await deletePaymentMethod(api, options.id);
  io.out(`${t('paymentMethod.removed', { id: options.id })}\n`);
}
