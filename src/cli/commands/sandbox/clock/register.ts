import type { CommandUnknownOpts } from '../../../commander.js';
import type { Registrar } from '../../../program.js';
import type { SandboxOptions } from '../options.js';
import type { ClockAdvanceOptions } from './advance.js';
import type { ClockLogOptions } from './log.js';
import { accountOption } from '../../../shared-options.js';

/** `espace sandbox clock [advance | log]`: registered beside start/stop/status/reset. */
export function registerSandboxClock(sandbox: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  const clock = examples(sandbox.command('clock').description(t('sandbox.clock.description')).option('--data <dir>', t('sandbox.option.data')), [
    'espace sandbox clock',
    'espace sandbox clock advance 30d',
    'espace sandbox clock advance --to 2027-06-01',
    'espace sandbox clock log',
  ]);
  // `--data` may come before or after the verb: commander gives it to whichever command sees it first.
  const data = (options: { data?: string }): SandboxOptions => ({ data: options.data ?? clock.opts().data });
  clock.action(
    action(
      () => import('./show.js'),
      (_args, options) => data(options),
    ),
  );
  examples(
    clock
      .command('advance')
      .description(t('sandbox.clock.advance.description'))
      .argument('[duration]', t('sandbox.clock.advance.argument'))
      .option('--to <date>', t('sandbox.clock.advance.option.to'))
      .option('--data <dir>', t('sandbox.option.data'))
      .action(
        action(
          () => import('./advance.js'),
          ([by], options): ClockAdvanceOptions => ({ ...data(options), by, to: options.to }),
        ),
      ),
    ['espace sandbox clock advance 30d', 'espace sandbox clock advance 1y --json', 'espace sandbox clock advance --to 2027-01-22'],
  );
  examples(
    clock
      .command('log')
      .description(t('sandbox.clock.log.description'))
      .addOption(accountOption(t, 'sandbox.clock.log.option.account'))
      .option('--data <dir>', t('sandbox.option.data'))
      .action(
        action(
          () => import('./log.js'),
          (_args, options): ClockLogOptions => ({ ...data(options), account: options.account }),
        ),
      ),
    ['espace sandbox clock log', 'espace sandbox clock log --account BA-1001 --json'],
  );
}
