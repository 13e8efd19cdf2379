import type { Command } from 'commander';
import type { Registrar } from '../../program.js';
import type { AutopayDisableOptions } from './disable.js';
import type { AutopayEnableOptions } from './enable.js';
import type { AutopayStatusOptions } from './status.js';

export function registerAutopay(program: Command, { t, action, examples }: Registrar): void {
  const noun = examples(program.command('autopay').description(t('autopay.description')), ['espace autopay status', 'espace autopay enable']);
  const account = (options: Record<string, unknown>) => options.account as string | undefined;

  examples(
    noun
      .command('status')
      .description(t('autopay.status.description'))
      .option('--account <id>', t('bill.option.account'))
      .action(
        action(
          () => import('./status.js'),
          (_args, options): AutopayStatusOptions => ({ account: account(options) }),
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
      .option('--account <id>', t('bill.option.account'))
      .action(
        action(
          () => import('./enable.js'),
          (_args, options): AutopayEnableOptions => ({
            account: account(options),
            method: options.method as string | undefined,
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
      .option('--account <id>', t('bill.option.account'))
      .action(
        action(
          () => import('./disable.js'),
          (_args, options): AutopayDisableOptions => ({ account: account(options) }),
        ),
      ),
    ['espace autopay disable'],
  );
}
