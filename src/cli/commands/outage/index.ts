import type { Command } from 'commander';
import type { Registrar } from '../../program.js';
import type { OutageListOptions } from './list.js';

export function registerOutage(program: Command, { t, action, examples }: Registrar): void {
  examples(
    program
      .command('outage')
      .description(t('outage.description'))
      .option('--postal-code <code>', t('outage.option.postalCode'))
      .option('--all', t('outage.option.all'))
      .option('--account <id>', t('outage.option.account'))
      .action(
        action(
          () => import('./list.js'),
          (_args, options): OutageListOptions => ({
            postalCode: options.postalCode as string | undefined,
            all: Boolean(options.all),
            account: options.account as string | undefined,
          }),
        ),
      ),
    ['espace outage', 'espace outage --postal-code "H2X 1Y4"', 'espace outage --all --json'],
  );
}
