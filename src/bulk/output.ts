/**
 * Writing records as they arrive: NDJSON (one JSON object per line) or CSV with chosen columns.
 * Writes are synchronous calls on the stream; when the stream asks to slow down, every worker
 * waits on one shared `drain` promise, so memory stays flat however fast records come.
 */
import type { Writable } from 'node:stream';
import type { BulkRecord } from './record.js';

export type OutputFormat = 'ndjson' | 'csv';

export interface RecordWriter {
  write(record: BulkRecord): void;
  /** Resolves when the stream can take more (at once when it can). */
  ready(): Promise<void>;
}

export function createRecordWriter(stream: Writable, format: OutputFormat, fields: readonly string[]): RecordWriter {
  let drained: Promise<void> | undefined;
  let pressure = false;
  const send = (text: string) => {
    if (!stream.write(text)) pressure = true;
  };
  if (format === 'csv') send(`${fields.map(csvCell).join(',')}\n`);
  return {
    write(record) {
      send(format === 'csv' ? `${fields.map((field) => csvCell(valueAt(record, field))).join(',')}\n` : `${JSON.stringify(record)}\n`);
    },
    ready() {
      if (!pressure) return Promise.resolve();
      drained ??= new Promise<void>((resolve) => {
        stream.once('drain', () => {
          pressure = false;
          drained = undefined;
          resolve();
        });
      });
      return drained;
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

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
