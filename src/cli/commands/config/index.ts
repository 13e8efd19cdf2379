import { Argument, type CommandUnknownOpts } from '../../commander.js';
import { DEFAULT_KEY_NAMES } from '../../../config/defaults.js';
import type { Registrar } from '../../program.js';

export function registerConfig(program: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  // Choices: TAB completes the keys, and commander refuses another word with the list of keys.
  const keyArgument = () => new Argument('<key>', t('config.argument.key')).choices(DEFAULT_KEY_NAMES);
  const config = examples(program.command('config').description(t('config.description')), [
    'espace config set lang fr',
    'espace config set pager "less -R"',
    'espace config list',
  ]);
  examples(
    config
      .command('get')
      .description(t('config.get.description'))
      .addArgument(keyArgument())
      .action(
        action(
          () => import('./get.js'),
          ([key]) => ({ key }),
        ),
      ),
    ['espace config get lang'],
  );
  examples(
    config
      .command('set')
      .description(t('config.set.description'))
      .addArgument(keyArgument())
      .argument('<value>', t('config.argument.value'))
      .action(
        action(
          () => import('./set.js'),
          ([key, value]) => ({ key, value }),
        ),
      ),
    ['espace config set lang fr', 'espace config set color never', 'espace config set plain true', 'espace config set pager off'],
  );
  examples(
    config
      .command('list')
      .description(t('config.list.description'))
      .action(
        action(
          () => import('./list.js'),
          () => ({}),
        ),
      ),
    ['espace config list', 'espace config list --json'],
  );
  examples(
    config
      .command('unset')
      .description(t('config.unset.description'))
      .addArgument(keyArgument())
      .action(
        action(
          () => import('./unset.js'),
          ([key]) => ({ key }),
        ),
      ),
    ['espace config unset pager'],
  );
}
