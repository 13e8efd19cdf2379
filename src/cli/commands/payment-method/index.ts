import type { CommandUnknownOpts } from '../../commander.js';
import type { Registrar } from '../../program.js';
import type { PaymentMethodAddOptions } from './add.js';
import type { PaymentMethodListOptions } from './list.js';
import type { PaymentMethodRemoveOptions } from './remove.js';
import { accountOption } from '../../shared-options.js';

export function registerPaymentMethod(program: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  const noun = examples(program.command('payment-method').description(t('paymentMethod.description')), [
    'espace payment-method list',
    'espace payment-method add --default',
  ]);

  examples(
    noun
      .command('list')
      .description(t('paymentMethod.list.description'))
      .addOption(accountOption(t))
      .action(
        action(
          () => import('./list.js'),
          (_args, options): PaymentMethodListOptions => ({ account: options.account }),
        ),
      ),
    ['espace payment-method list', 'espace payment-method list --json'],
  );

  examples(
    noun
      .command('add')
      .option('--dry-run', t('core.option.dryRun'))
      .description(t('paymentMethod.add.description'))
      .option('--bank', t('paymentMethod.add.option.bank'))
      .option('--default', t('paymentMethod.add.option.default'))
      .addOption(accountOption(t))
      .action(
        action(
          () => import('./add.js'),
          (_args, options): PaymentMethodAddOptions => ({
            account: options.account,
            bank: Boolean(options.bank),
            makeDefault: Boolean(options.default),
          }),
        ),
      ),
    [
      'espace payment-method add            # card number, expiry and CVV are asked, masked',
      'espace payment-method add --bank --default',
      'printf "%s\\n" "$CARD" 08/29 "$CVV" | espace payment-method add   # from stdin, one per line',
    ],
  );

  examples(
    noun
      .command('remove')
      .option('--dry-run', t('core.option.dryRun'))
      .description(t('paymentMethod.remove.description'))
      .argument('<id>', t('paymentMethod.remove.argument'))
      .option('-y, --yes', t('paymentMethod.remove.option.yes'))
      .action(
        action(
          () => import('./remove.js'),
          ([id], options): PaymentMethodRemoveOptions => ({ id, yes: Boolean(options.yes) }),
        ),
      ),
    ['espace payment-method remove PM-1001-2', 'espace payment-method remove PM-1001-2 --yes'],
  );
}
