import type { CommandUnknownOpts } from '../../commander.js';
import type { Registrar } from '../../program.js';
import type { OutageListOptions } from './list.js';
import { accountOption } from '../../shared-options.js';

export function registerOutage(program: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  examples(
    program
      .command('outage')
      .description(t('outage.description'))
      .option('--postal-code <code>', t('outage.option.postalCode'))
      .option('--all', t('outage.option.all'))
      .addOption(accountOption(t, 'outage.option.account'))
      .action(
        action(
          () => import('./list.js'),
          (_args, options): OutageListOptions => ({
            postalCode: options.postalCode,
            all: Boolean(options.all),
            account: options.account,
          }),
        ),
      ),
    ['espace outage', 'espace outage --postal-code "H2X 1Y4"', 'espace outage --all --json'],
  );
}
