import type { CommandUnknownOpts } from '../../commander.js';
import { integerBetween } from '../../parsers.js';
import type { Registrar } from '../../program.js';
import { sandboxOptionsOf } from './options.js';
import type { SandboxSeedOptions } from './seed.js';

/** The sandbox program takes up to six digits of generated accounts. */
const MAX_ACCOUNTS = 999_999;

const accountCount = integerBetween(0, MAX_ACCOUNTS);

/** `espace sandbox seed --accounts N`: registered beside start/stop/status/reset. */
export function registerSandboxSeed(sandbox: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  examples(
    sandbox
      .command('seed')
      .description(t('sandbox.seed.description'))
      .requiredOption('--accounts <n>', t('sandbox.seed.option.accounts'), accountCount)
      .option('--data <dir>', t('sandbox.option.data'))
      .action(
        action(
          () => import('./seed.js'),
          (_args, options): SandboxSeedOptions => ({ ...sandboxOptionsOf(options), accounts: options.accounts }),
        ),
      ),
    ['espace sandbox seed --accounts 10000', 'espace sandbox seed --accounts 100000 --data /tmp/espace-bench'],
  );
}
