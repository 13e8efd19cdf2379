/**
 * French writes the first day of a month as an ordinal, `1er` (« le 1er décembre »), and the hour
 * without a leading zero (`9 h 05`, with no-break spaces), which `Intl` does not: these helpers format through
 * `formatToParts` and mend the day and hour parts.
 */

/** The parts joined, with a French day 1 written `1er`. */
function joined(parts: readonly Intl.DateTimeFormatPart[], locale: string): string {
  const french = locale.toLowerCase().startsWith('fr');
  if (!french) return parts.map((part) => part.value).join('');
  return parts
    .map((part) => {
      if (part.type === 'day' && /^0?1$/.test(part.value)) return '1er';
      if (part.type === 'hour' && /^0\d$/.test(part.value)) return part.value.slice(1);
      // `14 h 05` is one time: no-break spaces keep it on one line when a table wraps its cell.
      if (part.type === 'literal' && /^\s*h\s*$/.test(part.value)) return part.value.replace(/\s/g, '\u00a0');
      return part.value;
    })
    .join('');
}

/** `format.format(time)`, with `1er` for the first of the month in French. */
export function formatWithFirst(format: Intl.DateTimeFormat, time: number | Date, locale: string): string {
  return joined(format.formatToParts(time), locale);
}

/** `format.formatRange(from, to)`, with `1er` for the first of the month in French. */
export function formatRangeWithFirst(format: Intl.DateTimeFormat, from: number, to: number, locale: string): string {
  return joined(format.formatRangeToParts(from, to), locale);
}
