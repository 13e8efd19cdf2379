import { type Command, Option } from 'commander';
import { integerBetween } from '../../parsers.js';
import type { CommandModule, Registrar } from '../../program.js';
import { SANDBOX_PROFILES, type SandboxOptions } from './options.js';
import { registerSandboxSeed } from './seed-options.js';
import { registerSandboxClock } from './clock/register.js';

const port = integerBetween(0, 65535);

export function registerSandbox(program: Command, registrar: Registrar): void {
  const { t, action, examples } = registrar;
  const sandbox = examples(program.command('sandbox').description(t('sandbox.description')), ['espace sandbox start', 'espace sandbox stop']);
  const toOptions = (_args: string[], options: Record<string, unknown>): SandboxOptions => ({
    data: options.data as string | undefined,
    port: options.port as number | undefined,
    profile: options.profile as string | undefined,
  });
  const verb = (name: 'start' | 'stop' | 'status' | 'reset', load: () => Promise<CommandModule<SandboxOptions>>, lines: string[]) =>
    examples(
      sandbox
        .command(name)
        .description(t(`sandbox.${name}.description`))
        .option('--data <dir>', t('sandbox.option.data'))
        .option('--port <port>', t('sandbox.option.port'), port)
        .action(action(load, toOptions)),
      lines,
    );

  verb('start', () => import('./start.js'), [
    'espace sandbox start',
    'espace sandbox start --data /tmp/espace-sandbox --port 9000',
    'espace sandbox start --profile plain',
  ]).addOption(new Option('--profile <profile>', t('sandbox.option.profile')).choices(SANDBOX_PROFILES));
  verb('stop', () => import('./stop.js'), ['espace sandbox stop']);
  verb('status', () => import('./status.js'), ['espace sandbox status', 'espace sandbox status --json']);
  verb('reset', () => import('./reset.js'), ['espace sandbox reset']);
  registerSandboxSeed(sandbox, registrar, toOptions);
  registerSandboxClock(sandbox, registrar);
}
