import { Argument, type CommandUnknownOpts } from '../../commander.js';
import { VALUE_KINDS } from '../../completion/tree.js';
import type { Registrar } from '../../program.js';
import type { CompletionOptions, Shell } from './script.js';

const SHELL_NAMES: readonly Shell[] = ['bash', 'zsh', 'fish'];

export function registerCompletion(program: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  examples(
    program
      .command('completion')
      .description(t('completion.description'))
      .addArgument(new Argument('<shell>', t('completion.argument.shell')).choices(SHELL_NAMES))
      .action(
        action(
          () => import('./script.js'),
          ([shell]): CompletionOptions => ({ shell }),
        ),
      ),
    [
      'espace completion bash > ~/.local/share/bash-completion/completions/espace',
      'espace completion zsh > ~/.zfunc/_espace',
      'espace completion fish > ~/.config/fish/completions/espace.fish',
    ],
  );
}

/** The hidden command the completion scripts call for values that live in the config or the API. */
export function registerCompleteValues(program: CommandUnknownOpts, { t, action, examples }: Registrar): void {
  examples(
    program
      .command('__complete', { hidden: true })
      .description(t('completion.values.description'))
      .addArgument(new Argument('<kind>', t('completion.values.argument')).choices(VALUE_KINDS))
      .action(
        action(
          () => import('./values.js'),
          ([kind]) => ({ kind }),
        ),
      ),
    ['espace __complete bill', 'espace --context staging __complete context'],
  );
}
