import { type CommandUnknownOpts, Option } from '../../commander.js';
import { integerBetween } from '../../parsers.js';
import type { CommandModule, Registrar } from '../../program.js';
import { SANDBOX_PROFILES, type SandboxOptions, sandboxOptionsOf } from './options.js';
import { registerSandboxSeed } from './seed-options.js';
import { registerSandboxClock } from './clock/register.js';

const port = integerBetween(0, 65535);

export function registerSandbox(program: CommandUnknownOpts, registrar: Registrar): void {
  const { t, action, examples } = registrar;
  const sandbox = examples(program.command('sandbox').description(t('sandbox.description')), ['espace sandbox start', 'espace sandbox stop']);
  const command = (name: 'start' | 'stop' | 'status' | 'reset') =>
    sandbox
      .command(name)
      .description(t(`sandbox.${name}.description`))
      .option('--data <dir>', t('sandbox.option.data'))
      .option('--port <port>', t('sandbox.option.port'), port);
  const verb = (name: 'stop' | 'status' | 'reset', load: () => Promise<CommandModule<SandboxOptions>>, lines: string[]) =>
    examples(command(name).action(action(load, (_args, options) => sandboxOptionsOf(options))), lines);

  examples(
    command('start')
      .addOption(new Option('--profile <profile>', t('sandbox.option.profile')).choices(SANDBOX_PROFILES))
      .action(
        action(
          () => import('./start.js'),
          (_args, options) => sandboxOptionsOf(options),
        ),
      ),
    ['espace sandbox start', 'espace sandbox start --data /tmp/espace-sandbox --port 9000', 'espace sandbox start --profile plain'],
  );
  verb('stop', () => import('./stop.js'), ['espace sandbox stop']);
  verb('status', () => import('./status.js'), ['espace sandbox status', 'espace sandbox status --json']);
  verb('reset', () => import('./reset.js'), ['espace sandbox reset']);
  registerSandboxSeed(sandbox, registrar);
  registerSandboxClock(sandbox, registrar);
}
