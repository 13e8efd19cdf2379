import type { Command } from 'commander';
import type { Registrar } from '../../program.js';
import type { SmokeOptions } from './run.js';

export function registerSmoke(program: Command, { t, action, examples }: Registrar): void {
  examples(
    program
      .command('smoke')
      .description(t('smoke.description'))
      .option('--junit <file>', t('smoke.option.junit'))
      .option('--write', t('smoke.option.write'))
      .option('--account <id>', t('smoke.option.account'))
      .action(
        action(
          () => import('./run.js'),
          (_args, options): SmokeOptions => ({
            junit: options.junit as string | undefined,
            write: options.write === true,
            account: options.account as string | undefined,
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
