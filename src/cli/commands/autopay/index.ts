import type { CommandUnknownOpts } from '../../commander.js';
import type { Registrar } from '../../program.js';
import type { AutopayDisableOptions } from './disable.js';
import type { AutopayEnableOptions } from './enable.js';
import type { AutopayStatusOptions } from './status.js';
import { accountOption } from '../../shared-options.js';

export function registerAutopay(program: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  const noun = examples(program.command('autopay').description(t('autopay.description')), ['espace autopay status', 'espace autopay enable']);

  examples(
    noun
      .command('status')
      .description(t('autopay.status.description'))
      .addOption(accountOption(t))
      .action(
        action(
          () => import('./status.js'),
          (_args, options): AutopayStatusOptions => ({ account: options.account }),
        ),
      ),
    ['espace autopay status', 'espace autopay status --json'],
  );

  examples(
    noun
      .command('enable')
      .option('--dry-run', t('core.option.dryRun'))
      .description(t('autopay.enable.description'))
      .option('--method <id>', t('autopay.enable.option.method'))
      .option('--accept-terms', t('autopay.enable.option.acceptTerms'))
      .addOption(accountOption(t))
      .action(
        action(
          () => import('./enable.js'),
          (_args, options): AutopayEnableOptions => ({
            account: options.account,
            method: options.method,
            acceptTerms: Boolean(options.acceptTerms),
          }),
        ),
      ),
    ['espace autopay enable', 'espace autopay enable --method PM-2001-1 --accept-terms'],
  );

  examples(
    noun
      .command('disable')
      .option('--dry-run', t('core.option.dryRun'))
      .description(t('autopay.disable.description'))
      .addOption(accountOption(t))
      .action(
        action(
          () => import('./disable.js'),
          (_args, options): AutopayDisableOptions => ({ account: options.account }),
        ),
      ),
    ['espace autopay disable'],
  );
}
