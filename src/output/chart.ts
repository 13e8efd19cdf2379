/**
 * Horizontal bar charts drawn with block characters, one bar per labelled value, scaled to the
 * largest value and to the width available. Eighth blocks give the bars a smooth end.
 */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

export interface Bar {
  label: string;
  value: number;
  /** Shown after the bar (e.g. the formatted value). */
  caption: string;
}

/** A bar of `value / max` of `width` cells. */
export function barOf(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0 || width <= 0) return '';
  const eighths = Math.round((Math.min(value, max) / max) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/**
 * The chart as lines: label, bar, caption; bars take what the columns leave. `plain` (for a
 * screen reader): no bars, `label: caption` lines, which say the same in words.
 */
export function renderBarChart(bars: readonly Bar[], columns: number, plain = false): string {
  if (bars.length === 0) return '';
  if (plain) return bars.map((b) => `${b.label}: ${b.caption}`).join('\n') + '\n';
  const labelWidth = Math.max(...bars.map((b) => b.label.length));
  const captionWidth = Math.max(...bars.map((b) => b.caption.length));
  const width = Math.max(10, Math.min(60, columns - labelWidth - captionWidth - 4));
  const max = Math.max(...bars.map((b) => b.value));
  return bars.map((b) => `${b.label.padEnd(labelWidth)} │${barOf(b.value, max, width).padEnd(width)} ${b.caption}`).join('\n') + '\n';
}
