/**
 * Tabular output: a cli-table3 table on a terminal, tab-separated lines when piped (one record a
 * line, no header, no colour: what `cut` and `awk` want). Every cell is sanitized.
 */
import Table from 'cli-table3';
import type { IO } from './io.js';
import { sanitizeCell } from './sanitize.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/** Borders around the table and between columns, none between rows: long lists stay readable. */
export const COMPACT_CHARS = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } as const;

/** No borders at all: for documents such as a bill, laid out like the printed statement. */
export const BORDERLESS_CHARS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
} as const;

export function renderTable(io: IO, columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  if (!io.stdoutIsTTY) return rows.map((row) => row.map(sanitizeCell).join('\t')).join('\n') + (rows.length ? '\n' : '');
  const table = new Table({
    head: columns.map((column) => io.color.bold(column.header)),
    colAligns: columns.map((column) => column.align ?? 'left'),
    style: { head: [], border: [] },
    chars: COMPACT_CHARS,
  });
  for (const row of rows) table.push(row.map(sanitizeCell));
  return `${table.toString()}\n`;
}
