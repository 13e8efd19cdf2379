import type { Command, CommandUnknownOpts, OptionValues } from '../../commander.js';
import type { Registrar } from '../../program.js';
import type { AddonAddOptions } from './add.js';
import type { AddonListOptions } from './list.js';
import type { AddonRemoveOptions } from './remove.js';
import { accountOption } from '../../shared-options.js';

export function registerAddon(program: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  const addon = examples(program.command('addon').description(t('addon.description')), ['espace addon list', 'espace addon add OFF-ADD-WIFI']);

  examples(
    addon
      .command('list')
      .description(t('addon.list.description'))
      .addOption(accountOption(t))
      .action(
        action(
          () => import('./list.js'),
          (_args, options): AddonListOptions => ({ account: options.account }),
        ),
      ),
    ['espace addon list', 'espace addon list --json'],
  );

  const confirmations = <Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(command: Command<Args, Opts, Globals>) =>
    command
      .addOption(accountOption(t))
      .option('--accept-terms', t('plan.option.acceptTerms'))
      .option('-y, --yes', t('plan.option.yes'))
      .option('--dry-run', t('core.option.dryRun'));

  examples(
    confirmations(addon.command('add').description(t('addon.add.description')).argument('<offer>', t('addon.add.argument'))).action(
      action(
        () => import('./add.js'),
        ([offer], options): AddonAddOptions => ({
          offer,
          account: options.account,
          acceptTerms: Boolean(options.acceptTerms),
          yes: Boolean(options.yes),
        }),
      ),
    ),
    ['espace addon add OFF-ADD-WIFI', 'espace addon add OFF-ADD-SPORTS --accept-terms --yes'],
  );

  examples(
    confirmations(addon.command('remove').description(t('addon.remove.description')).argument('<product>', t('addon.remove.argument'))).action(
      action(
        () => import('./remove.js'),
        ([product], options): AddonRemoveOptions => ({
          product,
          account: options.account,
          acceptTerms: Boolean(options.acceptTerms),
          yes: Boolean(options.yes),
        }),
      ),
    ),
    ['espace addon remove PRD-1001-FILM', 'espace addon remove PRD-1001-FILM --accept-terms --yes --json'],
  );
}
