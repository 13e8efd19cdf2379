/** `espace completion SHELL`: prints the completion script generated from the whole command tree. */
import { bashScript } from '../../completion/bash.js';
import { fishScript } from '../../completion/fish.js';
import { describeTree } from '../../completion/tree.js';
import { zshScript } from '../../completion/zsh.js';
import type { CommandDeps } from '../../command-deps.js';
import { buildProgram } from '../../program.js';
import { HELP_TOPICS } from '../help-topics/topics.js';

export type Shell = 'bash' | 'zsh' | 'fish';

export interface CompletionOptions {
  shell: Shell;
}

const GENERATORS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;

export async function run(options: CompletionOptions, ctx: CommandDeps): Promise<void> {
  // The running program holds only this noun; the script describes every one.
  const program = buildProgram({
    t: ctx.t,
    lang: ctx.lang,
    io: ctx.io,
    argv: [],
    makeDeps: () => {
      throw new Error('the tree built for completion scripts runs no command');
    },
  });
  ctx.io.out(GENERATORS[options.shell](describeTree(program, HELP_TOPICS)));
}
