/**
 * Strips what a hostile or broken server could use to take over a terminal: C0/C1 control
 * characters (escape sequences start with ESC or CSI) and Unicode bidirectional overrides that
 * reorder what is shown. Every server string passes through here before it is printed.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS = /[\t\n\r]+/g;

/** For multi-line text (descriptions): keeps newlines and tabs, drops the rest. */
export function sanitizeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** For one table cell or one tab-separated field: also folds line breaks and tabs to a space. */
export function sanitizeCell(value: string): string {
  return value.replace(CONTROL, '').replace(LINE_BREAKS, ' ');
}
