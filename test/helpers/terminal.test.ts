/**
 * The terminal helper's close: a test removes its home right after, so close must not return
 * while a process of the terminal can still write there. The command here survives the hangup
 * and writes a file only once told to, after close was called: close must still be waiting then.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { TmuxTerminal } from './terminal.js';

const dir = mkdtempSync(join(tmpdir(), 'espace-terminal-close-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('returns only once what ran in the terminal has exited, late writes included', async () => {
  const terminal = new TmuxTerminal('close');
  const go = join(dir, 'go');
  const late = join(dir, 'late');
  // It also stops once the directory is gone: a failed run leaves no process behind.
  terminal.start('late-writer', `trap '' HUP; echo READY; until [ -e '${go}' ] || [ ! -d '${dir}' ]; do sleep 0.02; done; echo written > '${late}'; exit`);
  await terminal.waitFor('late-writer', /^READY$/m);

  let closed = false;
  const closing = terminal.close().then(() => (closed = true));
  try {
    // The server is gone (its socket answers no more) while the writer still waits.
    await new Promise<void>((resolve) => {
      const poll = (): void => {
        try {
          terminal.screen('late-writer');
          setTimeout(poll, 20);
        } catch {
          resolve();
        }
      };
      poll();
    });
    expect(closed).toBe(false);
  } finally {
    // Told to finish whatever happened above (it ignores the hangup, and would otherwise loop on),
    // and waited for, before the directory it writes in is removed.
    writeFileSync(go, '');
    await closing;
  }
  expect(existsSync(late)).toBe(true);
});
