/**
 * Writing records as they arrive: NDJSON (one JSON object per line) or CSV with chosen columns.
 * The records of one batch are joined and handed to the stream in one write at `flush()` (a
 * write per record cost more than the lookups at thousands a second). When the stream asks to
 * slow down, every worker waits on one shared `drain` promise, so memory stays flat however
 * fast records come.
 */
import type { Writable } from 'node:stream';
import { csvText, jsonText } from '../output/sanitize.js';
import type { BulkRecord } from './record.js';

export type OutputFormat = 'ndjson' | 'csv';

export interface RecordWriter {
  /** Queues a record; `flush()` writes what is queued. */
  write(record: BulkRecord): void;
  flush(): void;
  /** Resolves when the stream can take more (at once when it can). */
  ready(): Promise<void>;
  /** Whoever reads the output has gone (`| head`): nothing more can be written. */
  readonly closed: boolean;
}

export function createRecordWriter(stream: Writable, format: OutputFormat, fields: readonly string[]): RecordWriter {
  let drained: Promise<void> | undefined;
  let pressure = false;
  let closed = false;
  let release: (() => void) | undefined;
  stream.once('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') return;
    closed = true;
    release?.();
  });
  const send = (text: string) => {
    if (closed) return;
    if (!stream.write(text)) pressure = true;
  };
  if (format === 'csv') send(`${fields.map(csvCell).join(',')}\n`);
  let queued = '';
  return {
    write(record) {
      queued += format === 'csv' ? `${fields.map((field) => csvCell(valueAt(record, field))).join(',')}\n` : `${jsonText(record)}\n`;
    },
    flush() {
      if (queued === '') return;
      send(queued);
      queued = '';
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
