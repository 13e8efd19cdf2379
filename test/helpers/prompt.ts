import type { Prompter } from '../../src/cli/prompt.js';

/** For tests: answers from a queue, and fails loudly when a prompt was not expected. */
export function scriptedPrompter(answers: Array<string | boolean>): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`unexpected prompt: ${message}`);
    return answers.shift()!;
  };
  return {
    asked,
    input: async ({ message }) => String(next(message)),
    password: async ({ message }) => String(next(message)),
    confirm: async ({ message }) => Boolean(next(message)),
    // The answer is a choice's value; a disabled one cannot be picked on a terminal either.
    select: async ({ message, choices }) => {
      const value = String(next(message));
      const choice = choices.find((c) => c.value === value);
      if (!choice || choice.disabled !== undefined) throw new Error(`not a choice that can be picked at "${message}": ${value}`);
      return value;
    },
  };
}
