/**
 * Input is bounded: an account list's lines (refused past the bound with the line's number,
 * without keeping the rest of the line), control characters in an account list (never sent as
 * ids), a body given to `api --input`, and secrets piped to stdin.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readAccountList } from '../../src/bulk/input.js';
import { boundedLines, InputTooLargeError } from '../../src/cli/bounded-read.js';
import type { CommandDeps } from '../../src/cli/command-deps.js';
import { stdinLines } from '../../src/cli/stdin-lines.js';
import { EspaceError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { recorderEnv, useRecorder } from '../helpers/recorder.js';
import { runWithSmallHeap } from '../helpers/small-heap.js';

const { cleanups, recorder } = useRecorder();

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'espace-input-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const env = recorderEnv;

describe('account list lines', () => {
  it('refuses a line past the bound as soon as it passes it, without reading the rest of it', async () => {
    let pulled = 0;
    // A line that never ends: a reader that waited for its end would never return.
    async function* endless() {
      yield Buffer.from('BA-1\r\nBA-2\n');
      for (;;) {
        pulled += 4096;
        yield Buffer.alloc(4096, 0x41);
      }
    }
    const error = await readAccountList(endless(), 'list.txt', 64 * 1024).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EspaceError);
    expect((error as EspaceError).key).toBe('bulk.input.lineTooLong');
    expect((error as EspaceError).params).toMatchObject({ source: 'list.txt', line: 3 });
    expect(pulled).toBeLessThanOrEqual(64 * 1024 + 4096);
  });

  it('splits LF and CRLF lines across chunks, and numbers them', async () => {
    const lines: string[] = [];
    for await (const line of boundedLines(Readable.from([Buffer.from('a\r'), Buffer.from('\nbc'), Buffer.from('d\n\ne')]), 8)) {
      lines.push(`${line.number}:${line.bytes.toString()}`);
    }
    expect(lines).toEqual(['1:a', '2:bcd', '3:', '4:e']);
    await expect(async () => {
      for await (const _ of boundedLines(Readable.from([Buffer.from('12345678\n123456789\n')]), 8));
    }).rejects.toEqual(new InputTooLargeError(2, 8));
  });

  it('a NUL or another control character in an accounts file is refused with its line number, and nothing is sent', async () => {
    const server = await recorder();
    const dir = await tempDir();
    for (const [content, line, character] of [
      ['BA-1001\nBA-1\u00002\n', 2, 'U+0000'],
      ['account\nBA-1001\nBA-1002\n\u001b]52;c;aGk=\u0007\n', 4, 'U+001B'],
      ['BA-1001\nBA\u202e1002\n', 2, 'U+202E'],
    ] as const) {
      const file = join(dir, 'accounts.txt');
      await writeFile(file, content);
      const result = await runCli(['bill', 'show', '--accounts-from', file], { env: env(server) });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`line ${line} of ${file} holds a control character (${character})`);
    }
    // From stdin too, and bytes that are not UTF-8.
    const piped = await runCli(['bill', 'show', '--accounts-from', '-'], { env: env(server), stdin: 'BA-1001\nBA-\u00001002\n' });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('line 2 of stdin holds a control character (U+0000)');
    const latin1 = join(dir, 'latin1.txt');
    await writeFile(latin1, Buffer.from('BA-1001\nBA-r\xe9seau\n', 'latin1'));
    const notUtf8 = await runCli(['bill', 'show', '--accounts-from', latin1], { env: env(server) });
    expect(notUtf8.code).toBe(2);
    expect(notUtf8.stderr).toContain(`line 2 of ${latin1} is not valid UTF-8`);
    expect(server.seen).toEqual([]);
  });

  it('the built CLI refuses a line of hundreds of MB on stdin within a small heap', async () => {
    const server = await recorder();
    // 200 MB on one line: reading it whole would need far more than the 32 MB heap given here.
    const total = 200 * 1024 * 1024;
    let sent = 0;
    const source = new Readable({
      read() {
        if (sent === 0) this.push('BA-1001\nBA-1002\n');
        if (sent >= total) return void this.push(null);
        sent += 1024 * 1024;
        this.push(Buffer.alloc(1024 * 1024, 0x41));
      },
    });
    const result = await runWithSmallHeap(['bill', 'show', '--accounts-from', '-'], env(server), source);
    expect(result.stderr).toContain('line 3 of stdin is longer than 65536 bytes');
    expect(result.code).toBe(2);
    expect(sent).toBeLessThan(total);
    expect(server.seen).toEqual([]);
  });
});

describe('other bounded inputs', () => {
  it('api --input refuses a body over 16 MB, from a file or stdin, before sending anything', async () => {
    const server = await recorder();
    const dir = await tempDir();
    const file = join(dir, 'body.json');
    await writeFile(file, `"${'x'.repeat(17 * 1024 * 1024)}"`);
    const fromFile = await runCli(['api', 'POST', '/chat/v1/conversation', '--input', file], { env: env(server) });
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain(`the body from ${file} is larger than 16 MB`);
    const fromStdin = await runCli(['api', 'POST', '/chat/v1/conversation', '--input', '-'], { env: env(server), stdin: `"${'x'.repeat(17 * 1024 * 1024)}"` });
    expect(fromStdin.code).toBe(2);
    expect(fromStdin.stderr).toContain('the body from stdin is larger than 16 MB');
    expect(server.seen).toEqual([]);
  });

  it('secrets read from stdin are bounded', async () => {
    const ctx = (text: string) => ({ io: { stdin: Readable.from([Buffer.from(text)]) } }) as unknown as CommandDeps;
    const error = await stdinLines(ctx(`${'p'.repeat(100 * 1024)}\nnew\n`), 2, '--password-stdin').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EspaceError);
    expect((error as EspaceError).key).toBe('auth.stdinTooLarge');
    expect((error as EspaceError).params).toMatchObject({ flag: '--password-stdin' });
    expect(await stdinLines(ctx(' old pass \nnew\n'), 2, '--password-stdin')).toEqual([' old pass ', 'new']);
  });
});
