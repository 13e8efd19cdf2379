/**
 * French writes the first day of a month as an ordinal, `1er` (« le 1er décembre »), which
 * `Intl` does not: these helpers format through `formatToParts` and mend the day part.
 */

/** The parts joined, with a French day 1 written `1er`. */
function joined(parts: readonly Intl.DateTimeFormatPart[], locale: string): string {
  const french = locale.toLowerCase().startsWith('fr');
  return parts.map((part) => (french && part.type === 'day' && /^0?1$/.test(part.value) ? '1er' : part.value)).join('');
}

/** `format.format(time)`, with `1er` for the first of the month in French. */
export function formatWithFirst(format: Intl.DateTimeFormat, time: number | Date, locale: string): string {
  return joined(format.formatToParts(time), locale);
}

/** `format.formatRange(from, to)`, with `1er` for the first of the month in French. */
export function formatRangeWithFirst(format: Intl.DateTimeFormat, from: number, to: number, locale: string): string {
  return joined(format.formatRangeToParts(from, to), locale);
}
