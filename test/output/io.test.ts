/** The io layer is the last guard: whatever a command writes, only espace's own sequences reach the terminal. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createIO } from '../../src/output/io.js';

function terminal(isTTY: boolean) {
  const chunks: Buffer[] = [];
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 80 });
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

const FORGOTTEN = 'Name\u001b]52;c;Y2xpcA==\u0007\u001b]0;title\u0007\u009b2J\u202e\rFAKE\b\n';

describe('createIO', () => {
  it('strips what a command forgot to sanitize, on stdout and stderr', async () => {
    const stdout = terminal(true);
    const stderr = terminal(true);
    const io = await createIO({ stdin: new PassThrough(), stdout: stdout.stream, stderr: stderr.stream, colorAllowed: false });
    io.out(FORGOTTEN);
    io.err(FORGOTTEN);
    expect(stdout.text()).toBe('NameFAKE\n');
    expect(stderr.text()).toBe('NameFAKE\n');
  });

  it('keeps its own colours when colour is on, and the progress redraw on a terminal’s stderr only', async () => {
    const stdout = terminal(true);
    const stderr = terminal(true);
    const io = await createIO({ stdin: new PassThrough(), stdout: stdout.stream, stderr: stderr.stream, colorAllowed: true });
    io.out(`${io.color.bold('Bill')} \u001b[33mwarn\u001b[39m\r\u001b[2K\n`);
    io.err('\r\u001b[2K3/10');
    expect(stdout.text()).toBe('\u001b[1mBill\u001b[22m \u001b[33mwarn\u001b[39m\n');
    expect(stderr.text()).toBe('\r\u001b[2K3/10');
  });

  it('lets bytes written to the stream itself pass untouched (a PDF on stdout)', async () => {
    const stdout = terminal(false);
    const io = await createIO({ stdin: new PassThrough(), stdout: stdout.stream, stderr: terminal(false).stream, colorAllowed: false });
    io.stdout.write(Buffer.from('%PDF\u001b\r\n'));
    expect(stdout.text()).toBe('%PDF\u001b\r\n');
  });
});
