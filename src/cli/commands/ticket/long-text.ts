/**
 * Free text a command needs (a ticket's description, a comment, a reason): from its flag, from
 * stdin when the flag is `-`, else — when a person is at the terminal — from $VISUAL or $EDITOR,
 * or a prompt. With no terminal and no flag, a usage error names the flag.
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GeneralError, UsageError } from '../../../errors.js';
import { InputTooLargeError, readAllBounded } from '../../bounded-read.js';
import type { CommandDeps } from '../../command-deps.js';
import { stdinText } from '../../stdin-lines.js';

/**
 * The most a text read from stdin may hold: far more than any description or comment (servers
 * take a few thousand characters), far less than what would strain memory if the wrong file is piped in.
 */
export const MAX_LONG_TEXT_BYTES = 1024 * 1024;

export interface LongTextRequest {
  /** The flag's value: text, `-` for stdin, or undefined. */
  value: string | undefined;
  /** The flag, as the error names it (e.g. `--description`). */
  flag: string;
  /** The question, for the prompt and the editor's instructions. */
  message: string;
  /** Whether the editor may be used (short values are better prompted). */
  editor?: boolean;
}

export async function readLongText(ctx: CommandDeps, request: LongTextRequest): Promise<string> {
  const { value, flag } = request;
  let text: string;
  if (value === '-') text = await stdinText(ctx, flag, MAX_LONG_TEXT_BYTES, 'ticket.stdinTooLarge');
  else if (value !== undefined) text = value;
  else if (!ctx.io.interactive) throw new UsageError('prompt.notInteractive', { params: { flag } });
  else {
    const editor = request.editor === false ? undefined : (ctx.env.VISUAL ?? ctx.env.EDITOR);
    text = editor
      ? await editText(editor, ctx.t('ticket.editorInstructions', { message: request.message }), flag)
      : await ctx.prompt.input({ message: request.message, flag });
  }
  text = text.trim();
  if (text === '') throw new UsageError('ticket.emptyText', { params: { flag } });
  return text;
}

/** Opens the editor on a private temporary file; lines starting with `#` are instructions. */
async function editText(editor: string, instructions: string, flag: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'espace-edit-'));
  const file = join(dir, 'TEXT.md');
  try {
    await writeFile(
      file,
      `\n${instructions
        .split('\n')
        .map((line) => `# ${line}`)
        .join('\n')}\n`,
      { mode: 0o600 },
    );
    // Through the shell, as git does: EDITOR may carry arguments ("code --wait").
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(`${editor} "$ESPACE_EDIT_FILE"`, { shell: true, stdio: 'inherit', env: { ...process.env, ESPACE_EDIT_FILE: file } });
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) throw new GeneralError('ticket.editorFailed', { params: { editor, code: String(code) } });
    let written: string;
    try {
      written = (await readAllBounded(createReadStream(file), MAX_LONG_TEXT_BYTES)).toString('utf8');
    } catch (error) {
      if (error instanceof InputTooLargeError) throw new UsageError('ticket.editorTooLarge', { params: { flag, max: MAX_LONG_TEXT_BYTES } });
      throw error;
    }
    return written
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
