import type { CommandUnknownOpts } from '../../commander.js';
import type { Registrar } from '../../program.js';
import type { SmokeOptions } from './run.js';
import { accountOption } from '../../shared-options.js';

export function registerSmoke(program: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  examples(
    program
      .command('smoke')
      .description(t('smoke.description'))
      .option('--junit <file>', t('smoke.option.junit'))
      .option('--write', t('smoke.option.write'))
      .addOption(accountOption(t, 'smoke.option.account'))
      .action(
        action(
          () => import('./run.js'),
          (_args, options): SmokeOptions => ({
            junit: options.junit,
            write: options.write === true,
            account: options.account,
          }),
        ),
      ),
    [
      'espace smoke --junit smoke.xml   # credentials from the environment',
      'ESPACE_CLIENT_ID=espace-ci ESPACE_CLIENT_SECRET=… espace smoke --context staging --junit smoke.xml',
      'ESPACE_TOKEN=… espace smoke --json',
      'ESPACE_TOKEN=… espace smoke --write --account BA-1001   # a staging account meant for it',
    ],
  );
}
