/**
 * Text within a terminal's width, measured as the terminal shows it (colour sequences take no
 * room, East Asian wide characters and emoji take two columns): paragraphs wrapped at word
 * boundaries, a line that must stay one line shortened with `…`. The measuring and wrapping are
 * string-width, wrap-ansi and cli-truncate's; the terminal's width is columns.ts's.
 */
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

export interface WrapOptions {
  /** Continuation lines start this many spaces in (a value under its label, an item under its bullet). */
  indent?: number;
  /** false: a word longer than the line is left whole (for a caller that shortens it with `…`). Default true. */
  hard?: boolean;
}

/**
 * `text` wrapped at word boundaries into lines of at most `width` columns. A word longer than a
 * whole line is broken (there is no other way to show it in full) unless `hard` is false; line
 * breaks already there are kept.
 */
export function wrapWords(text: string, width: number, options: WrapOptions = {}): string {
  const indent = Math.min(options.indent ?? 0, Math.floor(width / 2));
  if (stringWidth(text) <= width && !text.includes('\n')) return text;
  return text
    .split('\n')
    .map((line) => {
      if (stringWidth(line) <= width) return line;
      const wrapped = wrapAnsi(line, Math.max(1, width - indent), { hard: options.hard ?? true, trim: true }).split('\n');
      return wrapped.map((part, index) => (index === 0 ? part : ' '.repeat(indent) + part)).join('\n');
    })
    .join('\n');
}

/** One line of at most `width` columns: cut with `…` at the end when it is longer. */
export function fitLine(line: string, width: number): string {
  return stringWidth(line) <= width ? line : cliTruncate(line, width, { position: 'end' });
}

/** Leading spaces, then maybe a bullet, a mark or a number and the spaces after it. */
const HANGING = /^(\s*(?:(?:[-*•·✓✗✔✘!?→]|\d{1,3}[.)])\s+)?)/u;

/**
 * Every line of `text` longer than `width` wrapped at word boundaries, its continuation lines
 * indented like its first word (under a bullet, a mark or its own indentation). What fits is left
 * exactly as it is, so tables already fitted to the width pass untouched.
 */
export function wrapParagraphs(text: string, width: number): string {
  if (!needsWrap(text, width)) return text;
  return text
    .split('\n')
    .map((line) => {
      if (stringWidth(line) <= width) return line;
      const prefix = HANGING.exec(line)?.[1] ?? '';
      const indent = stringWidth(prefix);
      if (indent > width / 2) return wrapWords(line.trimStart(), width);
      const body = wrapAnsi(line.slice(prefix.length), width - indent, { hard: true, trim: true }).split('\n');
      return body.map((part, index) => (index === 0 ? prefix : ' '.repeat(indent)) + part).join('\n');
    })
    .join('\n');
}

/** Cheap first look: no line can be wider than `width` when the whole text is not longer. */
function needsWrap(text: string, width: number): boolean {
  if (text.length * 2 <= width) return false;
  return text.split('\n').some((line) => line.length * 2 > width && stringWidth(line) > width);
}
