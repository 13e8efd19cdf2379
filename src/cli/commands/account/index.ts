import type { CommandUnknownOpts } from '../../commander.js';
import { addBulkOptions, bulkable } from '../../bulk/options.js';
import type { Registrar } from '../../program.js';
import type { AccountShowOptions } from './summary.js';
import { accountOption } from '../../shared-options.js';

export function registerAccount(program: CommandUnknownOpts, registrar: Registrar): void {
  const { t, examples } = registrar;
  const account = examples(program.command('account').description(t('account.description')), ['espace account show']);
  examples(
    addBulkOptions(account.command('show').description(t('account.show.description')).addOption(accountOption(t)), registrar).action(
      bulkable(
        registrar,
        'account show',
        () => import('./show.js'),
        (_args, options): AccountShowOptions => ({ account: options.account }),
      ),
    ),
    [
      'espace account show',
      'espace account show --json',
      'espace account show --account BA-1001   # agents',
      'espace account show --accounts-from accounts.txt > summaries.ndjson   # agents, CI',
    ],
  );
}
