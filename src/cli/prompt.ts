/**
 * Prompts, only when a person can answer: stdin and stderr are terminals. Otherwise a missing
 * value is a usage error that names the flag to pass. Prompts write to stderr so that stdout
 * stays data. @inquirer/prompts is loaded only when a prompt is really shown.
 */
import { CancelledError, UsageError } from '../errors.js';
import type { IO } from '../output/io.js';

export interface Prompter {
  input(options: { message: string; flag: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  password(options: { message: string; flag: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(options: { message: string; flag: string; default?: boolean }): Promise<boolean>;
}

export function terminalPrompter(io: IO): Prompter {
  const ask = async <T>(flag: string, show: (prompts: typeof import('@inquirer/prompts'), context: object) => Promise<T>): Promise<T> => {
    if (!io.interactive) throw new UsageError('prompt.notInteractive', { params: { flag } });
    const prompts = await import('@inquirer/prompts');
    try {
      return await show(prompts, { input: io.stdin, output: io.stderr, clearPromptOnDone: false });
    } catch (error) {
      // Ctrl-C or Ctrl-D at a prompt: inquirer rejects with ExitPromptError.
      if (error instanceof Error && error.name === 'ExitPromptError') throw new CancelledError({ cause: error });
      throw error;
    }
  };
  return {
    input: ({ message, flag, default: initial, validate }) =>
      ask(flag, (prompts, context) => prompts.input({ message, default: initial, validate, required: true }, context)),
    password: ({ message, flag, validate }) =>
      ask(flag, (prompts, context) => prompts.password({ message, mask: '*', validate }, context)),
    confirm: ({ message, flag, default: initial }) =>
      ask(flag, (prompts, context) => prompts.confirm({ message, default: initial }, context)),
  };
}
