/** Quoting and the facts every completion script embeds, derived once from the tree. */
import type { CommandSpec } from './tree.js';

/** A string as one single-quoted shell word (bash, zsh and fish all read this form). */
export function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** fish single quotes escape with a backslash instead. */
export function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** First line of a description, without a trailing period: what fits beside a completion. */
export function summary(description: string): string {
  return (description.split('\n')[0] ?? '').replace(/\.$/, '');
}

export interface TreeFacts {
  /** Every command path, each surrounded by `|` in one string: `|bill|bill list|…|`. */
  paths: string;
  /** Every flag that takes a value, anywhere, surrounded by spaces: ` --account --lang … `. */
  valued: string;
}

export function treeFacts(specs: readonly CommandSpec[]): TreeFacts {
  const valued = new Set<string>();
  for (const spec of specs) for (const flag of spec.flags) if (flag.takesValue) for (const name of flag.names) valued.add(name);
  return {
    paths: `|${specs.map((spec) => spec.path).join('|')}|`,
    valued: ` ${[...valued].sort().join(' ')} `,
  };
}

export const GENERATED_NOTE = 'Generated from the command tree by `espace completion`; do not edit (regenerate with `npm run completions`).';

/** The flags offered at a command: its own, then the program's (global) ones it does not redefine. */
export function offeredFlags(spec: CommandSpec, root: CommandSpec): CommandSpec['flags'] {
  if (spec === root) return spec.flags;
  const own = new Set(spec.flags.flatMap((flag) => flag.names));
  const globals = root.flags.filter((flag) => !flag.names.some((name) => own.has(name) || name === '--version' || name === '-V'));
  return [...spec.flags, ...globals];
}

/** What to offer as an option's value: `@KIND` for dynamic values, or a comma-separated list. */
export function flagOffer(flag: CommandSpec['flags'][number]): string | undefined {
  if (!flag.takesValue) return undefined;
  if (flag.kind) return `@${flag.kind}`;
  return flag.choices?.join(',');
}

/** What to offer for each positional argument: `@KIND`, a comma-separated list, or `-` for nothing. */
export function argOffers(spec: CommandSpec): string {
  return spec.args.map((arg) => (arg.kind ? `@${arg.kind}` : arg.choices?.length ? arg.choices.join(',') : '-')).join(' ');
}

/**
 * The function mapping `PATH|FLAG` to what the flag's value offers, in `offer` (bash and zsh share
 * the syntax).
 */
export function valueOfferFunction(specs: readonly CommandSpec[]): string {
  const cases = specs.flatMap((spec) =>
    spec.flags.flatMap((flag) => {
      const offer = flagOffer(flag);
      return offer === undefined ? [] : flag.names.map((name) => `    ${quote(`${spec.path}|${name}`)}) offer=${quote(offer)} ;;`);
    }),
  );
  return `__espace_value_offer() {
  offer=''
  case "$1|$2" in
${cases.join('\n')}
  esac
}`;
}

/**
 * The word walker of bash and zsh (same syntax): reads the words before the cursor into `path`
 * (the command path), `npos` (positional arguments seen) and `skip` (an option awaiting its
 * value), and keeps `--context`/`--api-url` in `__espace_globals` for `espace __complete`.
 */
export function walkerLoop(words: string, first: number, end: string): string {
  return `  for ((i = ${first}; i < ${end}; i++)); do
    word=\${${words}[i]}
    if [[ -n $skip ]]; then
      [[ $skip == --context || $skip == --api-url ]] && __espace_globals+=("$skip" "$word")
      skip=''
      continue
    fi
    if [[ $word == -* ]]; then
      [[ $valued == *" $word "* ]] && skip=$word
      continue
    fi
    candidate=\${cmdpath:+$cmdpath }$word
    if [[ $paths == *"|$candidate|"* ]]; then cmdpath=$candidate; else npos=$((npos + 1)); fi
  done`;
}
