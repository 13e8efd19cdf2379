/** Line breaks of every kind: what would start a new line inside a message's placeholder. */
const LINE_BREAKS = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/g;

/**
 * A message template with its `{name}` placeholders filled from params; unknown placeholders are
 * left visible so that a bug shows. A placeholder stands for words on the template's line, so line
 * breaks in a parameter become spaces: an id or a name from a server cannot add a line of its own
 * under espace's.
 */
export function fillPlaceholders(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]).replace(LINE_BREAKS, ' ') : whole,
  );
}
