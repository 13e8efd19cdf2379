/**
 * The kinds of value completed at TAB time by `espace __complete KIND`. Apart from tree.ts, which
 * reads the command tree through commander: answering a TAB loads neither.
 */
export const VALUE_KINDS = ['bill', 'ticket', 'context', 'account'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];
