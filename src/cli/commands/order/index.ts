import type { CommandUnknownOpts } from '../../commander.js';
import type { Registrar } from '../../program.js';
import type { OrderListOptions } from './list.js';
import type { OrderShowOptions } from './show.js';
import { accountOption } from '../../shared-options.js';

export function registerOrder(program: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  const order = examples(program.command('order').description(t('order.description')), ['espace order list', 'espace order show PO-000001']);

  examples(
    order
      .command('list')
      .description(t('order.list.description'))
      .addOption(accountOption(t))
      .action(
        action(
          () => import('./list.js'),
          (_args, options): OrderListOptions => ({ account: options.account }),
        ),
      ),
    ['espace order list', 'espace order list --json'],
  );

  examples(
    order
      .command('show')
      .description(t('order.show.description'))
      .argument('<id>', t('order.show.argument'))
      .option('--watch', t('order.show.option.watch'))
      .action(
        action(
          () => import('./show.js'),
          ([id], options): OrderShowOptions => ({ id, watch: Boolean(options.watch) }),
        ),
      ),
    ['espace order show PO-000001', 'espace order show PO-000001 --json', 'espace order show PO-000001 --watch'],
  );
}
