/**
 * Text read whole from stdin is bounded: a password (`auth login --password-stdin`) and the long
 * texts of tickets and disputes (`--description -`, `--reason -`, `--message -`, or $EDITOR's
 * file). More than the bound is refused as soon as it arrives — exit 2, naming the flag and the
 * bound, nothing sent — by the built CLI fed a stream far larger than its small heap could hold.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_LONG_TEXT_BYTES } from '../../src/cli/commands/ticket/long-text.js';
import { MAX_STDIN_BYTES } from '../../src/cli/stdin-lines.js';
import { runCli } from '../helpers/cli.js';
import { scriptedPrompter } from '../helpers/prompt.js';
import type { HostileServer } from '../helpers/hostile-server.js';
import { useRecorder } from '../helpers/recorder.js';
import { runWithSmallHeap } from '../helpers/small-heap.js';
import { cliEnv } from '../helpers/env.js';

const { cleanups, recorder } = useRecorder();

async function env(server: HostileServer): Promise<Record<string, string | undefined>> {
  const dir = await mkdtemp(join(tmpdir(), 'espace-stdin-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return cliEnv({ url: server.url, token: 'token', home: dir });
}

/**
 * Runs the built CLI with a 32 MB heap and feeds it `total` bytes without a line ending: reading
 * them whole would need far more memory than the heap has. Says how much was fed before it quit.
 */
function feed(args: string[], childEnv: Record<string, string | undefined>, total: number): Promise<{ code: number | null; stderr: string; sent: number }> {
  let sent = 0;
  const source = new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      sent += 1024 * 1024;
      this.push(Buffer.alloc(1024 * 1024, 0x41));
    },
  });
  return runWithSmallHeap(args, childEnv, source).then((result) => ({ ...result, sent }));
}

const HUGE = 200 * 1024 * 1024;

describe('text read whole from stdin', () => {
  it('auth login --password-stdin refuses more than the bound, names the flag, sends nothing', async () => {
    const server = await recorder();
    const result = await feed(['auth', 'login', '--username', 'marie.tremblay', '--password-stdin', '--insecure-storage'], await env(server), HUGE);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`standard input for --password-stdin is larger than ${MAX_STDIN_BYTES} bytes`);
    expect(result.sent).toBeLessThan(HUGE);
    expect(server.seen).toEqual([]);
  });

  it('ticket open --description - refuses more than the bound, names the flag, sends nothing', async () => {
    const server = await recorder();
    const result = await feed(
      ['ticket', 'open', '--type', 'technical', '--severity', 'minor', '--subject', 'x', '--description', '-'],
      await env(server),
      HUGE,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`the text for --description on standard input is larger than ${MAX_LONG_TEXT_BYTES} bytes; nothing was sent`);
    expect(result.sent).toBeLessThan(HUGE);
    expect(server.seen).toEqual([]);
  });

  it('bill dispute --reason - and ticket comment --message - are bounded the same way; a text within the bound is read', async () => {
    const server = await recorder();
    const over = 'r'.repeat(MAX_LONG_TEXT_BYTES + 1);
    const dispute = await runCli(['bill', 'dispute', 'B-1', '--account', 'BA-1', '--reason', '-'], { env: await env(server), stdin: over });
    expect(dispute.code).toBe(2);
    expect(dispute.stderr).toContain('the text for --reason on standard input is larger than');
    const comment = await runCli(['ticket', 'comment', 'TT-1', '--message', '-'], { env: await env(server), stdin: over });
    expect(comment.code).toBe(2);
    expect(comment.stderr).toContain('the text for --message on standard input is larger than');
    expect(server.seen).toEqual([]);

    // Exactly the bound is taken: the command goes on and reaches the server.
    const within = await runCli(['ticket', 'comment', 'TT-1', '--message', '-'], { env: await env(server), stdin: 'm'.repeat(MAX_LONG_TEXT_BYTES) });
    expect(within.stderr).not.toContain('larger than');
    expect(server.seen.length).toBeGreaterThan(0);
  });

  it('a password within the bound still logs in as before (only the final line ending is dropped)', async () => {
    const server = await recorder();
    const result = await runCli(['auth', 'login', '--username', 'marie.tremblay', '--password-stdin', '--insecure-storage'], {
      env: await env(server),
      stdin: `${'p'.repeat(MAX_STDIN_BYTES - 1)}\n`,
    });
    expect(result.stderr).not.toContain('larger than');
    // The password reached the server (which answers nonsense to a token request).
    expect(server.seen.length).toBeGreaterThan(0);
  });

  it('a text written in $EDITOR is bounded the same way: nothing sent', async () => {
    const server = await recorder();
    // An "editor" that writes more than the bound into the file it is given.
    const editor = `sh -c 'head -c ${MAX_LONG_TEXT_BYTES + 1} /dev/zero | tr "\\0" x >> "$0"'`;
    const result = await runCli(['ticket', 'comment', 'TT-1'], { env: { ...(await env(server)), EDITOR: editor }, tty: true, prompt: scriptedPrompter([]) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`the text written in the editor for --message is larger than ${MAX_LONG_TEXT_BYTES} bytes; nothing was sent`);
    expect(server.seen).toEqual([]);
  });
});
