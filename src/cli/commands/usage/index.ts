import { type CommandUnknownOpts, Option } from '../../commander.js';
import { addBulkOptions, bulkable } from '../../bulk/options.js';
import type { Registrar } from '../../program.js';
import type { UsageShowOptions } from './show.js';
import { accountOption } from '../../shared-options.js';

/** The billing cycles usage can be shown for: the one under way and the one before it. */
const PERIODS = ['current', 'previous'];

export function registerUsage(program: CommandUnknownOpts, registrar: Registrar): void {
  const { t, examples } = registrar;
  const usage = examples(program.command('usage').description(t('usage.description')), ['espace usage show']);

  examples(
    addBulkOptions(
      usage
        .command('show')
        .description(t('usage.show.description'))
        .addOption(accountOption(t))
        .addOption(new Option('--period <period>', t('usage.option.period')).choices(PERIODS).default('current')),
      registrar,
    ).action(
      bulkable(
        registrar,
        'usage show',
        () => import('./show.js'),
        (_args, options): UsageShowOptions => ({ account: options.account, period: options.period }),
      ),
    ),
    [
      'espace usage show',
      'espace usage show --period previous',
      'espace usage show --json',
      'espace usage show | sort -k4 -n',
      'espace usage show --accounts-from accounts.txt --format csv   # agents',
    ],
  );
}
