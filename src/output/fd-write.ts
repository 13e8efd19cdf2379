/**
 * Writing an answer straight to file descriptor 1 or 2, for the launcher's quick paths (the
 * build's answers, src/cli/prebuilt/; TAB's values, src/cli/completion/).
 */
import { writeSync } from 'node:fs';
import type { Writable } from 'node:stream';

export type Fd = 1 | 2;

/**
 * Writes to the descriptor itself: creating process.stdout for a pipe loads Node's network stack
 * (≈ 3 ms), more than the rest of an answer the launcher gives (a help page, a TAB's values). A
 * reader that is gone (`| head`) is not an error, as in main.ts; a pipe that is full (a
 * non-blocking one, whose reader lags) gets the rest through the stream, which waits for it.
 */
export function writeToFd(fd: Fd, text: string, stream: () => Writable): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return;
    if (code !== 'EAGAIN') throw error;
    const target = stream();
    target.on('error', (failure: NodeJS.ErrnoException) => {
      if (failure.code !== 'EPIPE') throw failure;
    });
    target.write(bytes.subarray(offset));
  }
}
