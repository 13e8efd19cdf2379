/**
 * Writing records as they arrive: NDJSON (one JSON object per line) or CSV with chosen columns.
 * The records of one batch are joined and handed to the stream in one write at `flush()` (a
 * write per record cost more than the lookups at thousands a second). When the stream asks to
 * slow down, every worker waits on one shared `drain` promise, so memory stays flat however
 * fast records come. A flush says when its records have left the process (the stream's write
 * callback): only then may the journal count them as written, since records still queued in
 * the process die with it if it is killed.
 */
import type { Writable } from 'node:stream';
import { csvText, jsonText } from '../output/sanitize.js';
import { selectRecordData } from '../output/field-selection.js';
import type { BulkRecord } from './record.js';

export type OutputFormat = 'ndjson' | 'csv';

export interface RecordWriter {
  /** Queues a record; `flush()` writes what is queued. */
  write(record: BulkRecord): void;
  /**
   * Hands what is queued to the stream; `delivered` is called once the stream has passed it on
   * (to the pipe or file: it outlives the process from then on), never if it could not.
   */
  flush(delivered?: () => void): void;
  /** Resolves when every flush has been passed on, or can no longer be (the reader has gone). */
  settled(): Promise<void>;
  /** Resolves when the stream can take more (at once when it can). */
  ready(): Promise<void>;
  /** Whoever reads the output has gone (`| head`): nothing more can be written. */
  readonly closed: boolean;
}

/** `dataFields` (NDJSON only): keep only these fields of each record's data (`--fields`). */
export function createRecordWriter(stream: Writable, format: OutputFormat, fields: readonly string[], dataFields?: readonly string[]): RecordWriter {
  let drained: Promise<void> | undefined;
  let pressure = false;
  let closed = false;
  let release: (() => void) | undefined;
  /** Writes the stream has not yet called back for, and who waits for there to be none. */
  let outstanding = 0;
  let idle: (() => void)[] = [];
  const wakeIdle = () => {
    if (outstanding > 0 && !closed) return;
    const waiters = idle;
    idle = [];
    for (const wake of waiters) wake();
  };
  stream.once('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') return;
    closed = true;
    release?.();
    wakeIdle();
  });
  const send = (text: string, delivered?: () => void) => {
    if (closed) return;
    outstanding++;
    const written = stream.write(text, (error) => {
      outstanding--;
      if (!error && !closed) delivered?.();
      wakeIdle();
    });
    if (!written) pressure = true;
  };
  if (format === 'csv') send(`${fields.map(csvCell).join(',')}\n`);
  let queued = '';
  return {
    write(record) {
      queued +=
        format === 'csv'
          ? `${fields.map((field) => csvCell(valueAt(record, field))).join(',')}\n`
          : `${jsonText(dataFields ? selectRecordData(record, dataFields) : record)}\n`;
    },
    flush(delivered) {
      if (queued === '') return;
      send(queued, delivered);
      queued = '';
    },
    settled() {
      if (outstanding === 0 || closed) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
    ready() {
      if (!pressure || closed) return Promise.resolve();
      drained ??= new Promise<void>((resolve) => {
        release = () => {
          pressure = false;
          drained = undefined;
          release = undefined;
          resolve();
        };
        stream.once('drain', release);
      });
      return drained;
    },
    get closed() {
      return closed;
    },
  };
}

/** The value at a dotted path (`data.totalDue.amount`, `data.0.id`); objects as JSON. */
export function valueAt(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (value === null || value === undefined) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A server's strings are made inert (controls, formulas): see csvText. */
function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? jsonText(value) : typeof value === 'string' ? csvText(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
