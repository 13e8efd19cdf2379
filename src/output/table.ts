/**
 * Tabular output. Piped: tab-separated lines, one record a line, no header, no colour (what `cut`
 * and `awk` want), never wrapped. On a terminal: a table that fits the terminal's width (see
 * `fitColumns`); with `--plain` (or `TERM=dumb`): one `Header: value` line per cell, a blank line
 * between records, no box drawing, which a screen reader reads in order. Every cell is sanitized.
 */
import Table from 'cli-table3';
import stringWidth from 'string-width';
import type { IO } from './io.js';
import { sanitizeCell } from './sanitize.js';
import { fitLine, wrapWords } from './wrap.js';

export interface Column {
  header: string;
  /** Right-aligned columns hold amounts and counts: they are never wrapped nor shortened. */
  align?: 'left' | 'right';
  /** Shown whole on a terminal whatever its width (an id the user copies): never wrapped nor shortened. */
  keep?: boolean;
}

/** Borders around the table and between columns, none between rows: long lists stay readable. */
export const COMPACT_CHARS = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } as const;

/** No borders at all: for documents such as a bill, laid out like the printed statement. */
export const BORDERLESS_CHARS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
} as const;

/** No borders, a blank line between rows (rows of several lines). */
const ROW_GAP = { ...BORDERLESS_CHARS, mid: ' ', 'left-mid': '', 'mid-mid': '  ', 'right-mid': '' } as const;

/** The narrowest a shortened column gets: room for a few characters and the `…`. */
const MIN_WIDTH = 6;

/** What a table needs besides its cells: each column's own width and the room borders take. */
interface Frame {
  /** Columns of the terminal taken by borders and padding for `count` columns. */
  overhead(count: number): number;
  chars: Record<string, string>;
  padding: number;
}

const BOXED: Frame = { overhead: (count) => 3 * count + 1, chars: COMPACT_CHARS, padding: 1 };
const OPEN: Frame = { overhead: (count) => 2 * (count - 1), chars: BORDERLESS_CHARS, padding: 0 };

export function renderTable(io: IO, columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  if (!io.stdoutIsTTY) return rows.map((row) => row.map(sanitizeCell).join('\t')).join('\n') + (rows.length ? '\n' : '');
  const cells = rows.map((row) => row.map(sanitizeCell));
  if (io.plain) return renderRecords(columns, cells, io.columns);
  const headers = columns.map((column) => column.header);
  // Boxed when it fits as it is, else without borders (two spaces between columns, as gh
  // prints), else boxed with cells wrapped at word boundaries, else without borders, else
  // shortened with "…", else one record per block of lines.
  const all = [headers, ...cells];
  for (const [frame, fit] of [
    [BOXED, 'whole'],
    [OPEN, 'whole'],
    [BOXED, 'wrap'],
    [OPEN, 'wrap'],
    [OPEN, 'cut'],
  ] as const) {
    const widths = fitColumns(columns, all, io.columns - frame.overhead(columns.length), fit);
    if (!widths) continue;
    const wrapped = cells.map((row) => row.map((cell, index) => cellLines(cell, widths[index]!)));
    // Rows of several lines are told apart by a rule (boxed) or a blank line (no borders).
    const tall = wrapped.some((row) => row.some((cell) => cell.includes('\n')));
    const table = new Table({
      head: headers.map((header, index) => cellLines(header, widths[index]!).split('\n').map(io.color.bold).join('\n')),
      colAligns: columns.map((column) => column.align ?? 'left'),
      colWidths: widths.map((width) => width + 2 * frame.padding),
      style: { head: [], border: [], 'padding-left': frame.padding, 'padding-right': frame.padding },
      chars: tall ? (frame === BOXED ? {} : ROW_GAP) : frame.chars,
    });
    for (const row of wrapped) table.push(row);
    return `${table.toString()}\n`;
  }
  return renderRecords(columns, cells, io.columns);
}

/** The most lines one cell takes: a server's long text does not push the table off the screen. */
const MAX_CELL_LINES = 8;

/**
 * A cell's text within `width` columns: wrapped at word boundaries, a word too long cut with `…`,
 * at most MAX_CELL_LINES lines (the last one then ends with `…`).
 */
export function cellLines(text: string, width: number): string {
  const lines = wrapWords(text, width, { hard: false }).split('\n');
  if (lines.length > MAX_CELL_LINES) lines.splice(MAX_CELL_LINES - 1, Infinity, fitLine(`${lines[MAX_CELL_LINES - 1]} …`, width).replace(/ ?…$/, '…'));
  return lines.map((line) => fitLine(line, width)).join('\n');
}

/**
 * The width of each column so that the whole table takes at most `room` columns of the
 * terminal, or undefined when it cannot. `whole`: every column its full width. Otherwise amounts
 * and kept columns get their full width; the others share what is left, each given at least its
 * longest word (`wrap`) or MIN_WIDTH (`cut`: longer words shortened with `…`), then more for the
 * columns that lack most.
 */
export function fitColumns(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  room: number,
  fit: 'whole' | 'wrap' | 'cut',
): number[] | undefined {
  const natural = columns.map((_, index) => Math.max(1, ...rows.map((row) => stringWidth(row[index] ?? ''))));
  const fixed = columns.map((column) => column.keep === true || column.align === 'right');
  const floor = columns.map((_, index) => {
    if (fixed[index] || fit === 'whole') return natural[index]!;
    const longestWord = Math.max(1, ...rows.flatMap((row) => (row[index] ?? '').split(/\s+/).map((word) => stringWidth(word))));
    return Math.min(natural[index]!, longestWord);
  });
  // Cut: the columns with the longest words give up room first, one column of the terminal at a time.
  while (fit === 'cut' && floor.reduce((sum, width) => sum + width, 0) > room) {
    let widest = -1;
    for (let index = 0; index < floor.length; index++) {
      if (!fixed[index] && floor[index]! > MIN_WIDTH && (widest < 0 || floor[index]! > floor[widest]!)) widest = index;
    }
    if (widest < 0) return undefined;
    floor[widest]!--;
  }
  const widths = [...floor];
  let spare = room - widths.reduce((sum, width) => sum + width, 0);
  if (spare < 0) return undefined;
  // One column at a time to the column that lacks most: the room is shared out evenly.
  while (spare > 0) {
    let neediest = -1;
    for (let index = 0; index < widths.length; index++) {
      const lack = natural[index]! - widths[index]!;
      if (lack > 0 && (neediest < 0 || lack > natural[neediest]! - widths[neediest]!)) neediest = index;
    }
    if (neediest < 0) break;
    widths[neediest]!++;
    spare--;
  }
  return widths;
}

/** A line of a document laid out like a printed statement: a label and its amount (or nothing). */
export interface StatementLine {
  label: string;
  amount: string;
  /** Colour or weight for both, applied after the layout so that it never counts in the width. */
  style?: (text: string) => string;
}

/**
 * A statement (a bill's sections): labels on the left, wrapped at word boundaries; amounts
 * right-aligned and never wrapped. Plain: `label: amount` lines, a line with no amount alone.
 * The labels come sanitized by their caller (they may carry indentation).
 */
export function renderStatement(io: IO, lines: readonly StatementLine[]): string {
  const style = (line: StatementLine, text: string) => (line.style ? text.split('\n').map(line.style).join('\n') : text);
  if (io.plain) {
    return (
      lines
        .map((line) => style(line, wrapWords(line.amount ? `${line.label.trim()}: ${line.amount}` : line.label.trim(), io.columns, { indent: 2 })))
        .join('\n') + '\n'
    );
  }
  const amountWidth = Math.max(0, ...lines.map((line) => stringWidth(line.amount)));
  const labelWidth = Math.max(MIN_WIDTH, Math.min(Math.max(1, ...lines.map((line) => stringWidth(line.label))), io.columns - amountWidth - OPEN.overhead(2)));
  const table = new Table({
    colAligns: ['left', 'right'],
    colWidths: [labelWidth, Math.max(1, amountWidth)],
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    chars: BORDERLESS_CHARS,
  });
  for (const line of lines) {
    // A wrapped label keeps its indentation on every line.
    const indent = /^ */.exec(line.label)![0];
    const label = cellLines(line.label.slice(indent.length), labelWidth - indent.length)
      .split('\n')
      .map((part) => indent + part)
      .join('\n');
    table.push([style(line, label), style(line, line.amount)]);
  }
  return `${table.toString()}\n`;
}

/**
 * One record per block: `Header: value` lines, a blank line between records, values wrapped
 * under themselves. Without headers (a table of bare values) each row is one line of values.
 */
export function renderRecords(columns: readonly Column[], rows: readonly (readonly string[])[], width: number): string {
  const blocks = rows.map((row) =>
    row
      .map((cell, index) => {
        const header = columns[index]?.header;
        return header ? wrapWords(`${header}: ${cell}`, width, { indent: 2 }) : wrapWords(cell, width);
      })
      .join('\n'),
  );
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}
