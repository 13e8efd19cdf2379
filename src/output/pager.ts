/**
 * The pager for long output on a terminal, as git and gh do it: the command's output is held,
 * then shown through `ESPACE_PAGER`, else `PAGER`, else `less -FRX` (quit when it fits on one
 * screen, keep colours, leave the text on the screen) — but only when it is longer than the
 * screen. Piped output, `--no-pager` and a pager set to `cat` or to nothing are never paged.
 */
import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';

const DEFAULT_PAGER = 'less -FRX';

/**
 * The pager command line, or undefined for none (`--no-pager`, or a pager set to "", `cat` or, in
 * the user's defaults, `off`). As gh ranks them: `ESPACE_PAGER`, the user's default
 * (`espace config set pager …`), `PAGER`, then less.
 */
export function pagerCommand(env: Record<string, string | undefined>, argv: readonly string[], configured?: string): string | undefined {
  const end = argv.indexOf('--');
  if ((end < 0 ? argv : argv.slice(0, end)).includes('--no-pager')) return undefined;
  const chosen = env.ESPACE_PAGER ?? (configured === 'off' ? '' : configured) ?? env.PAGER ?? DEFAULT_PAGER;
  const command = chosen.trim();
  return command === '' || command === 'cat' ? undefined : command;
}

/**
 * Shows `text` through `command` (run by the shell, so that `PAGER='less -S'` works), or writes
 * it to `stdout` when it fits on the screen or the pager cannot be started. Ctrl-C belongs to the
 * pager while it runs (less uses it to stop a search): espace waits for the pager to quit.
 */
export async function showPaged(text: string, command: string, stdout: Writable & { rows?: number }, env: Record<string, string | undefined>): Promise<void> {
  const rows = stdout.rows ?? 0;
  if (rows > 0 && lineCount(text) < rows) {
    stdout.write(text);
    return;
  }
  const ignoreInterrupt = () => {};
  process.on('SIGINT', ignoreInterrupt);
  try {
    const code = await new Promise<number | 'failed'>((resolve) => {
      // LESS and LV as git sets them when they are not (raw colours, quit on one screen, no clearing),
      // and UTF-8, which is what espace writes whatever the locale says.
      let child;
      try {
        // The pager writes where espace's stdout goes; a stream with no file under it (a test's
        // buffer) cannot be handed to it, and the text is written there instead.
        child = spawn(command, { shell: true, stdio: ['pipe', stdout, 'inherit'], env: { LESS: 'FRX', LV: '-c', LESSCHARSET: 'utf-8', ...env } });
      } catch {
        resolve('failed');
        return;
      }
      child.on('error', () => resolve('failed'));
      child.on('close', (status) => resolve(status ?? 0));
      // The pager may quit before reading everything (q): that is not an error.
      child.stdin.on('error', () => {});
      child.stdin.end(text);
    });
    // 126/127: the shell could not run the pager; the text is shown rather than lost.
    if (code === 'failed' || code === 126 || code === 127) stdout.write(text);
  } finally {
    process.off('SIGINT', ignoreInterrupt);
  }
}

function lineCount(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
