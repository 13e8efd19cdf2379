import type { CommandUnknownOpts } from '../../commander.js';
import { addBulkOptions, bulkable } from '../../bulk/options.js';
import { positiveInteger } from '../../parsers.js';
import type { Registrar } from '../../program.js';
import type { PaymentListOptions } from './list.js';
import type { PaymentReconcileOptions } from './reconcile.js';
import type { PaymentShowOptions } from './show.js';
import { accountOption } from '../../shared-options.js';

export function registerPayment(program: CommandUnknownOpts, registrar: Registrar): void {
  const { t, action, examples } = registrar;
  const payment = examples(program.command('payment').description(t('payment.description')), ['espace payment list', 'espace payment reconcile']);

  examples(
    addBulkOptions(
      payment
        .command('list')
        .description(t('payment.list.description'))
        .addOption(accountOption(t))
        .option('--bill <id>', t('payment.list.option.bill'))
        .option('--limit <n>', t('payment.list.option.limit'), positiveInteger, 24),
      registrar,
    ).action(
      bulkable(
        registrar,
        'payment list',
        () => import('./list.js'),
        (_args, options): PaymentListOptions => ({
          account: options.account,
          bill: options.bill,
          limit: options.limit,
        }),
      ),
    ),
    [
      'espace payment list',
      'espace payment list --bill CB-1001-202611 --json',
      'espace payment list --account BA-2001   # agents',
      'espace payment list --limit 1 --accounts-from queue.csv --format csv   # agents',
    ],
  );

  examples(
    payment
      .command('show')
      .description(t('payment.show.description'))
      .argument('<id>', t('payment.show.argument'))
      .action(
        action(
          () => import('./show.js'),
          ([id]): PaymentShowOptions => ({ id }),
        ),
      ),
    ['espace payment show PAY-1001-20261018', 'espace payment show PAY-1001-20261018 --json'],
  );

  examples(
    payment
      .command('reconcile')
      .description(t('payment.reconcile.description'))
      .action(
        action(
          () => import('./reconcile.js'),
          (): PaymentReconcileOptions => ({}),
        ),
      ),
    ['espace payment reconcile', 'espace payment reconcile --json'],
  );
}
