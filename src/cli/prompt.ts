/**
 * Prompts, only when a person can answer: stdin and stderr are terminals. Otherwise a missing
 * value is a usage error that names the flag to pass. Prompts write to stderr so that stdout
 * stays data. The @inquirer prompts (src/cli/inquirer-prompts.ts) load only when a prompt is really shown.
 */
import { CancelledError, UsageError } from '../errors.js';
import { type Lang, translator } from '../i18n/catalog.js';
import type { IO } from '../output/io.js';
import { sanitizeLine, sanitizeText } from '../output/sanitize.js';

export interface Prompter {
  /** A line of text; `optional` lets Enter on an empty line answer '' (otherwise something must be typed). */
  input(options: { message: string; flag: string; default?: string; optional?: boolean; validate?: (value: string) => true | string }): Promise<string>;
  password(options: { message: string; flag: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(options: { message: string; flag: string; default?: boolean }): Promise<boolean>;
  /** One of `choices`, picked with the arrow keys; a disabled choice is shown with why and cannot be picked. */
  select(options: { message: string; flag: string; choices: readonly SelectChoice[]; default?: string }): Promise<string>;
}

/** A choice offered by `select`: its value, what is shown, and why it cannot be picked (when it cannot). */
export interface SelectChoice {
  value: string;
  name: string;
  description?: string;
  /** Why this choice cannot be picked: shown beside it, dimmed. */
  disabled?: string;
}

/** Prompts on the terminal of `io`; confirmations read and show yes and no in `lang`. */
export function terminalPrompter(io: IO, lang: Lang): Prompter {
  const t = translator(lang);
  const guarded = async <T>(
    flag: string,
    show: (context: { input: IO['stdin']; output: IO['stderr']; clearPromptOnDone: boolean }) => Promise<T>,
  ): Promise<T> => {
    if (!io.interactive) throw new UsageError('prompt.notInteractive', { params: { flag } });
    try {
      return await show({ input: io.stdin, output: io.stderr, clearPromptOnDone: false });
    } catch (error) {
      // Ctrl-C or Ctrl-D at a prompt: inquirer rejects with ExitPromptError.
      if (error instanceof Error && error.name === 'ExitPromptError') throw new CancelledError({ cause: error });
      throw error;
    }
  };
  const ask = <T>(flag: string, show: (prompts: typeof import('./inquirer-prompts.js'), context: object) => Promise<T>): Promise<T> =>
    guarded(flag, async (context) => show(await import('./inquirer-prompts.js'), context));
  // The prompt library writes to stderr itself, past the io layer's guard: what it shows that may
  // hold a server's words (the message, a default value, a validation message) is sanitized here.
  return {
    input: ({ message, flag, default: initial, optional, validate }) =>
      ask(flag, (prompts, context) => {
        const shownDefault = initial === undefined ? undefined : sanitizeLine(initial);
        return prompts.input({ message: sanitizeText(message), default: shownDefault, validate: safe(validate), required: optional !== true }, context);
      }),
    password: ({ message, flag, validate }) =>
      ask(flag, (prompts, context) => prompts.password({ message: sanitizeText(message), mask: '*', validate: safe(validate) }, context)),
    confirm: ({ message, flag, default: initial }) =>
      guarded(flag, async (context) => {
        const { localizedConfirm } = await import('./confirm-prompt.js');
        return localizedConfirm({ message: sanitizeText(message), default: initial ?? true, lang, t }, context);
      }),
    select: ({ message, flag, choices, default: initial }) =>
      ask(flag, (prompts, context) =>
        prompts.select<string>(
          {
            message: sanitizeText(message),
            default: initial,
            // A long list scrolls rather than pushing the question off the screen.
            pageSize: 12,
            choices: choices.map((choice) => ({
              value: choice.value,
              name: sanitizeLine(choice.name),
              description: choice.description === undefined ? undefined : sanitizeLine(choice.description),
              disabled: choice.disabled === undefined ? false : `(${sanitizeLine(choice.disabled)})`,
            })),
            theme: {
              style: {
                // The key help in the user's language.
                keysHelpTip: (keys: [string, string][]) =>
                  keys.map(([key, action]) => `${key} ${action === 'navigate' ? t('prompt.select.navigate') : t('prompt.select.pick')}`).join(' • '),
              },
            },
          },
          context,
        ),
      ),
  };
}

/** A validation whose messages are sanitized like the prompt's. */
function safe(validate: ((value: string) => true | string) | undefined): ((value: string) => true | string) | undefined {
  return (
    validate &&
    ((value) => {
      const verdict = validate(value);
      return verdict === true ? true : sanitizeText(verdict);
    })
  );
}
