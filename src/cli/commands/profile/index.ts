import type { CommandUnknownOpts } from '../../commander.js';
import { addBulkOptions, bulkable } from '../../bulk/options.js';
import type { Registrar } from '../../program.js';
import type { ProfileSetOptions } from './set.js';
import type { ProfileShowOptions } from './show.js';
import { accountOption } from '../../shared-options.js';

export function registerProfile(program: CommandUnknownOpts, registrar: Registrar): void {
  const { t, action, examples } = registrar;
  const profile = examples(program.command('profile').description(t('profile.description')), ['espace profile show', 'espace profile set']);

  examples(
    addBulkOptions(
      profile
        .command('show')
        .description(t('profile.show.description'))
        .option('--user <id>', t('profile.option.user'))
        .addOption(accountOption(t, 'profile.option.account')),
      registrar,
    ).action(
      bulkable(
        registrar,
        'profile show',
        () => import('./show.js'),
        (_args, options): ProfileShowOptions => ({ user: options.user, account: options.account }),
      ),
    ),
    [
      'espace profile show',
      'espace profile show --json',
      'espace profile show --user IND-1001   # agents',
      'espace profile show --account BA-1001   # agents',
      'espace profile show --accounts-from accounts.txt --format csv   # agents',
    ],
  );

  examples(
    profile
      .command('set')
      .option('--dry-run', t('core.option.dryRun'))
      .description(t('profile.set.description'))
      .option('--given-name <name>', t('profile.set.option.givenName'))
      .option('--family-name <name>', t('profile.set.option.familyName'))
      .option('--email <address>', t('profile.set.option.email'))
      .option('--phone <number>', t('profile.set.option.phone'))
      .option('--street <line>', t('profile.set.option.street'))
      .option('--unit <unit>', t('profile.set.option.unit'))
      .option('--no-unit', t('profile.set.option.noUnit'))
      .option('--city <city>', t('profile.set.option.city'))
      .option('--province <code>', t('profile.set.option.province'))
      .option('--postal-code <code>', t('profile.set.option.postalCode'))
      .option('--language <lang>', t('profile.set.option.language'))
      .option('--user <id>', t('profile.option.user'))
      .option('-y, --yes', t('profile.set.option.yes'))
      .action(
        action(
          () => import('./set.js'),
          (_args, options): ProfileSetOptions => ({
            user: options.user,
            givenName: options.givenName,
            familyName: options.familyName,
            email: options.email,
            phone: options.phone,
            street: options.street,
            // --no-unit: no unit at all ('' is what the checks read as "none").
            unit: options.unit === false ? '' : options.unit,
            city: options.city,
            province: options.province,
            postalCode: options.postalCode,
            language: options.language,
            yes: Boolean(options.yes),
          }),
        ),
      ),
    [
      'espace profile set   # asks for each field on a terminal',
      'espace profile set --phone "514 555-0199" --yes',
      'espace profile set --street "1200, rue Sherbrooke Est" --city Montréal --province QC --postal-code "H2L 1L9"',
    ],
  );
}
