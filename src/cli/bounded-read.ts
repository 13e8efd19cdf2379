/**
 * Reading what a user pipes in or names as a file, with bounds, so that no input can make espace
 * grow without end: lines no longer than a maximum (refused as soon as a line passes it, without
 * keeping the rest of it), and whole inputs no larger than a maximum.
 */
import { type Readable, Transform } from 'node:stream';

/** A line of input, without its line ending, and its 1-based number. */
export interface NumberedLine {
  number: number;
  bytes: Buffer;
}

/** Thrown by {@link boundedLines} and {@link readAllBounded}; callers turn it into their own message. */
export class InputTooLargeError extends Error {
  constructor(
    /** The line that passed the bound (boundedLines), or undefined for a whole input. */
    readonly line: number | undefined,
    readonly maxBytes: number,
  ) {
    super(line === undefined ? `input over ${maxBytes} bytes` : `line ${line} over ${maxBytes} bytes`);
    this.name = 'InputTooLargeError';
  }
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * The lines of a stream (LF or CRLF endings). A line longer than `maxLineBytes` throws
 * InputTooLargeError with its number as soon as the bound is passed: the stream is not read further.
 */
export async function* boundedLines(stream: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<NumberedLine> {
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let number = 1;
  const take = (tail: Buffer): Buffer => {
    const whole = pending.length === 0 ? tail : Buffer.concat([...pending, tail]);
    pending = [];
    pendingSize = 0;
    return whole.length > 0 && whole[whole.length - 1] === CR ? whole.subarray(0, -1) : whole;
  };
  for await (const piece of stream) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    let start = 0;
    for (let end = chunk.indexOf(LF, start); end !== -1; end = chunk.indexOf(LF, start)) {
      // A CR before the LF is part of the ending, not of the line.
      if (pendingSize + (end - start) > maxLineBytes + 1) throw new InputTooLargeError(number, maxLineBytes);
      const bytes = take(chunk.subarray(start, end));
      if (bytes.length > maxLineBytes) throw new InputTooLargeError(number, maxLineBytes);
      yield { number: number++, bytes };
      start = end + 1;
    }
    const rest = chunk.subarray(start);
    if (pendingSize + rest.length > maxLineBytes + 1) throw new InputTooLargeError(number, maxLineBytes);
    if (rest.length > 0) {
      // Copied: the stream may reuse its chunk's memory.
      pending.push(Buffer.from(rest));
      pendingSize += rest.length;
    }
  }
  if (pendingSize > 0) {
    const bytes = take(Buffer.alloc(0));
    if (bytes.length > maxLineBytes) throw new InputTooLargeError(number, maxLineBytes);
    yield { number, bytes };
  }
}

/**
 * A pass-through for a line reader that has no bound of its own (node:readline): the bytes go
 * through unchanged, and the stream fails with InputTooLargeError (the line's number) as soon as
 * a line passes `maxLineBytes`, before the reader has had to keep it.
 */
export function lineLengthLimit(maxLineBytes: number): Transform {
  let number = 1;
  let length = 0;
  return new Transform({
    transform(piece: Buffer | string, _encoding, callback) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
      for (let start = 0; start < chunk.length;) {
        const end = chunk.indexOf(LF, start);
        const stop = end === -1 ? chunk.length : end;
        length += stop - start;
        // A CR before the LF is part of the ending, not of the line.
        if (length > maxLineBytes + 1) return callback(new InputTooLargeError(number, maxLineBytes));
        if (end === -1) break;
        number++;
        length = 0;
        start = end + 1;
      }
      callback(null, chunk);
    },
  });
}

/** All of a stream, refused with InputTooLargeError as soon as it passes `maxBytes`. */
export async function readAllBounded(stream: AsyncIterable<Buffer | string>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const piece of stream) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    size += chunk.length;
    if (size > maxBytes) {
      (stream as Partial<Readable>).destroy?.();
      throw new InputTooLargeError(undefined, maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/**
 * The first character a line may not hold, as `U+XXXX`: C0 controls other than tab, DEL, C1
 * controls, and the bidirectional overrides and isolates that make text display other than it is.
 */
export function forbiddenCharacter(text: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  const match = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.exec(text);
  return match ? `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}
