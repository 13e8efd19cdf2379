import type { Command } from 'commander';
import type { Registrar } from '../../program.js';
import type { UsageShowOptions } from './show.js';

export function registerUsage(program: Command, { t, action, examples }: Registrar): void {
  const usage = examples(program.command('usage').description(t('usage.description')), ['espace usage show']);

  examples(
    usage
      .command('show')
      .description(t('usage.show.description'))
      .option('--account <id>', t('bill.option.account'))
      .option('--period <period>', t('usage.option.period'), 'current')
      .action(
        action(
          () => import('./show.js'),
          (_args, options): UsageShowOptions => ({ account: options.account as string | undefined, period: options.period as string }),
        ),
      ),
    ['espace usage show', 'espace usage show --period previous', 'espace usage show --json', 'espace usage show | sort -k4 -n'],
  );
}
