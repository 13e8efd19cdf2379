/**
 * What a hostile or broken server could use to take over a terminal, made inert. Every string
 * that came from a server passes through here before it is shown:
 *
 * - escape sequences (CSI, OSC — window title, hyperlinks, clipboard writes —, DCS, APC, PM, SOS,
 *   in their 7-bit `ESC …` and 8-bit C1 forms) are removed whole, payload included;
 * - the remaining C0 and C1 controls (BEL, backspace, carriage return, DEL…) are removed;
 * - bidirectional overrides, embeddings, isolates and marks (U+202E and friends) are removed, so
 *   text cannot be shown in another order than it is;
 * - U+2028/U+2029 (line and paragraph separators) become a line break or a space;
 * - strings are bounded: a 150,000-character name is cut with "…" instead of flooding the screen.
 *
 * Machine output is lossless instead: `jsonText` escapes the same characters as \uXXXX, so JSON
 * keeps the server's data exactly while printing nothing a terminal would act on.
 *
 * `terminalSafe` is the last line of defence, applied by the io layer to everything espace writes
 * to stdout and stderr: it lets through only espace's own colour (SGR) sequences and the progress
 * line's "erase line", so a server string a command forgot to sanitize still reaches the screen inert.
 */

/* eslint-disable no-control-regex */

/** A whole escape sequence: strings (OSC, DCS, SOS, PM, APC) up to their terminator, CSI, or a two-character escape. */
const SEQUENCE =
  '(?:\\x1b[\\]PX^_]|[\\x90\\x98\\x9d\\x9e\\x9f])[^\\x07\\x1b\\x9c]*(?:\\x07|\\x1b\\\\|\\x9c)|(?:\\x1b\\[|\\x9b)[0-?]*[ -/]*[@-~]|\\x1b[ -/]*[0-~]';
/** Controls (all but tab and line feed), DEL, C1, and the bidirectional formatting characters. */
const CONTROL = '[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]';
const SEPARATORS = '[\\u2028\\u2029]';

const SEQUENCES = new RegExp(SEQUENCE, 'g');
const CONTROLS = new RegExp(CONTROL, 'g');
const ANY_UNSAFE = new RegExp(`${CONTROL}|${SEPARATORS}`);
const TERMINAL_UNSAFE = new RegExp(`${SEQUENCE}|\\r\\n|\\r|${CONTROL}|${SEPARATORS}`, 'g');
/** What JSON.stringify leaves raw although a terminal acts on it (it escapes only U+0000–U+001F). */
const JSON_UNSAFE = /[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** The longest a server string may be on one line of terminal output (a cell, a heading, an error detail). */
export const LINE_MAX = 500;
/** The longest a message parameter may be (it may list several things: a bill's lines, candidates). */
export const PARAM_MAX = 2_000;
/** The longest a multi-line server text (a ticket's description, a note) may be on a terminal. */
export const TEXT_MAX = 20_000;

/** Removes escape sequences and controls; keeps tabs and line breaks (CR LF and lone CR become LF). */
function strip(value: string): string {
  if (!ANY_UNSAFE.test(value)) return value;
  return value
    .replace(SEQUENCES, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(CONTROLS, '');
}

/** At most `max` characters, the cut marked with "…" (never between the halves of a surrogate pair). */
export function bound(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

// The sanitizers take one argument, so that `values.map(sanitizeLine)` stays right.

/** For multi-line text (descriptions, notes): keeps newlines and tabs, drops the rest, bounded. */
export function sanitizeText(value: string): string {
  return bound(strip(value), TEXT_MAX);
}

/** For one line (a heading, a message parameter): line breaks and tabs fold to a space, bounded. */
export function sanitizeLine(value: string): string {
  return oneLine(value, LINE_MAX);
}

function oneLine(value: string, max: number): string {
  const text = strip(value);
  return bound(/[\t\n]/.test(text) ? text.replace(/[\t\n]+/g, ' ') : text, max);
}

/** For one table cell or one tab-separated field: the same as a line. */
export function sanitizeCell(value: string): string {
  return sanitizeLine(value);
}

/**
 * Message parameters as a message may show them: every string on one line, controls removed,
 * bounded. Numbers and the rest pass as they are. The one place errors render their parameters.
 */
export function lineParams<P extends Record<string, unknown>>(params: P): P {
  const safe: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) safe[name] = typeof value === 'string' ? oneLine(value, PARAM_MAX) : value;
  return safe as P;
}

export interface TerminalAllowance {
  /** espace's colours: SGR sequences (`ESC [ … m`) are kept; otherwise they go too. */
  sgr: boolean;
  /** The progress line's redraw on stderr: a carriage return followed by "erase line" (`ESC [ 2K`). */
  progress: boolean;
}

const SGR = /^\x1b\[[0-9;]*m$/;
const ERASE_LINE = '\x1b[2K';

/**
 * What may reach a terminal, whatever a command put together: every escape sequence is removed
 * except those `allow` names, and every control except tab and line feed (CR LF becomes LF).
 * Cheap when there is nothing to remove, which is nearly always.
 */
export function terminalSafe(text: string, allow: TerminalAllowance): string {
  if (!ANY_UNSAFE.test(text)) return text;
  return text.replace(TERMINAL_UNSAFE, (match: string, offset: number, whole: string) => {
    if (match === '\r\n') return '\n';
    if (match === '\r') return allow.progress && whole.startsWith(ERASE_LINE, offset + 1) ? '\r' : '';
    if (match === '\u2028' || match === '\u2029') return ' ';
    if (allow.sgr && SGR.test(match)) return match;
    if (allow.progress && match === ERASE_LINE && whole[offset - 1] === '\r') return match;
    return '';
  });
}

/**
 * JSON that keeps every character of the data but shows none raw that a terminal would act on:
 * C1 controls, DEL, bidirectional formatting and U+2028/2029 are written as \uXXXX (JSON.stringify
 * already escapes C0). These characters only ever occur inside string literals, so escaping them
 * in the finished text is exact.
 */
export function jsonText(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent) ?? 'null';
  return text.replace(JSON_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A text value for a CSV cell: controls removed (line breaks kept, the cell is quoted for them),
 * and a leading = + - @ that is not part of a number neutralised with a quote, so that a
 * spreadsheet does not run a server's string as a formula.
 */
export function csvText(value: string): string {
  const text = strip(value);
  return /^[=+\-@]/.test(text) && !Number.isFinite(Number(text)) ? `'${text}` : text;
}
