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
  };
}
