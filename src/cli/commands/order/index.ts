import type { Command } from 'commander';
import type { Registrar } from '../../program.js';
import type { OrderListOptions } from './list.js';
import type { OrderShowOptions } from './show.js';

export function registerOrder(program: Command, { t, action, examples }: Registrar): void {
  const order = examples(program.command('order').description(t('order.description')), ['espace order list', 'espace order show PO-000001']);

  examples(
    order
      .command('list')
      .description(t('order.list.description'))
      .option('--account <id>', t('bill.option.account'))
      .action(
        action(
          () => import('./list.js'),
          (_args, options): OrderListOptions => ({ account: options.account as string | undefined }),
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
          ([id], options): OrderShowOptions => ({ id: id!, watch: Boolean(options.watch) }),
        ),
      ),
    ['espace order show PO-000001', 'espace order show PO-000001 --json', 'espace order show PO-000001 --watch'],
  );
}
