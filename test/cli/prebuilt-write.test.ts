/**
 * The launcher writes its prebuilt answers straight to the descriptor (src/cli/prebuilt/answer.ts,
 * writeToFd). When the descriptor is a non-blocking pipe that fills up (its reader lags), the rest
 * must go through the stream, which waits: nothing lost, nothing written twice. A child process
 * makes its stdout non-blocking (as creating process.stdout does), writes more than a pipe holds
 * while this process reads nothing, and says on stderr when it handed the rest to the stream; only
 * then is stdout read.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PREBUILT = fileURLToPath(new URL('../../dist/cli/prebuilt.js', import.meta.url));
const TEXT_BYTES = 1_000_000;

const CHILD = `
const { writeToFd } = require(${JSON.stringify(PREBUILT)});
process.stdout; // libuv makes the pipe non-blocking
const text = Array.from({ length: ${TEXT_BYTES / 10} }, (_, i) => String(i % 1e9).padStart(9, '0') + '\\n').join('');
writeToFd(1, text, () => {
  process.stderr.write('handed to the stream\\n');
  return process.stdout;
});
process.stderr.write('returned\\n');
`;

describe('writing an answer to a pipe that fills up', () => {
  it('hands the rest to the stream: every byte arrives once, in order', async () => {
    const child = spawn(process.execPath, ['-e', CHILD], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    // stdout is not read until the child has returned from the write.
    child.stdout.pause();
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
        if (stderr.includes('returned\n')) resolve();
      });
      child.on('close', () => resolve());
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('handed to the stream\nreturned\n');
    const received = Buffer.concat(chunks).toString('utf8');
    expect(received.length).toBe(TEXT_BYTES);
    const lines = received.split('\n').slice(0, -1);
    expect(lines.every((line, i) => line === String(i).padStart(9, '0'))).toBe(true);
  });
});
