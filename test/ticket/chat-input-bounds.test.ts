/**
 * `support chat` reads what it sends line by line from stdin: a line past the bound is refused
 * (exit 2, naming the line and the bound) as soon as it passes it, and never sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineLengthLimit, InputTooLargeError } from '../../src/cli/bounded-read.js';
import { MAX_CHAT_LINE_BYTES } from '../../src/cli/commands/support/chat.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => sandbox?.close());

describe('support chat input', () => {
  it('refuses a line past the bound: exit 2 naming it and the bound', async () => {
    const result = await runCli(['support', 'chat', '--subject', 'Long paste', '--wait', '10m', '--json'], {
      env: cliEnv({ url: sandbox.url, token: sandbox.tokens.james }),
      stdin: `Hello, is anyone there?\n${'x'.repeat(MAX_CHAT_LINE_BYTES + 10)}\nafter\n`,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`line 2 of the input is longer than ${MAX_CHAT_LINE_BYTES} bytes; it was not sent`);
  });

  it('the limit passes lines within the bound unchanged and fails at the first byte past it', async () => {
    const limit = lineLengthLimit(8);
    const passed: Buffer[] = [];
    limit.on('data', (chunk: Buffer) => passed.push(chunk));
    const failed = new Promise<unknown>((resolve) => limit.on('error', resolve));
    limit.write('12345678\r\nabc');
    limit.write('defgh');
    limit.write('ij\n');
    const error = await failed;
    expect(error).toBeInstanceOf(InputTooLargeError);
    expect((error as InputTooLargeError).line).toBe(2);
    expect(Buffer.concat(passed).toString()).toBe('12345678\r\nabcdefgh');
  });
});
