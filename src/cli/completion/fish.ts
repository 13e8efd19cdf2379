/**
 * The fish completion script: one `complete` line per command, flag and argument, conditioned on
 * the command path of the words before the cursor (the walker of bash.ts, in fish).
 */
import { GENERATED_NOTE, fishQuote, summary, treeFacts } from './shell-words.js';
import type { CommandSpec, FlagSpec } from './tree.js';

function flagLine(flag: FlagSpec, condition: string): string {
  const parts = ['complete -c espace'];
  if (condition) parts.push(`-n ${fishQuote(condition)}`);
  for (const name of flag.names) parts.push(name.startsWith('--') ? `-l ${name.slice(2)}` : name.length === 2 ? `-s ${name.slice(1)}` : `-o ${name.slice(1)}`);
  if (flag.takesValue) parts.push('-r');
  // Known values replace file names; other values (a directory, a URL) keep fish's file completion.
  if (flag.kind) parts.push('-f', `-a ${fishQuote(`(__espace_values ${flag.kind})`)}`);
  else if (flag.choices) parts.push('-f', `-a ${fishQuote(flag.choices.join(' '))}`);
  parts.push(`-d ${fishQuote(summary(flag.description))}`);
  return parts.join(' ');
}

function specLines(spec: CommandSpec, root: CommandSpec): string[] {
  const at = `__espace_at ${fishQuote(spec.path)}`;
  const lines = spec.subcommands.map((sub) => `complete -c espace -n ${fishQuote(at)} -a ${fishQuote(sub.name)} -d ${fishQuote(summary(sub.description))}`);
  // The program's flags are global: offered at every level, without a condition.
  const inPath = spec === root ? '' : `__espace_in ${fishQuote(spec.path)}`;
  lines.push(...spec.flags.filter((flag) => spec === root || !flag.names.includes('--help')).map((flag) => flagLine(flag, inPath)));
  spec.args.forEach((arg, index) => {
    const condition = `__espace_arg ${fishQuote(spec.path)} ${index}`;
    if (arg.kind) lines.push(`complete -c espace -n ${fishQuote(condition)} -a ${fishQuote(`(__espace_values ${arg.kind})`)}`);
    else if (arg.choices?.length) lines.push(`complete -c espace -n ${fishQuote(condition)} -a ${fishQuote(arg.choices.join(' '))}`);
  });
  return lines;
}

export function fishScript(specs: readonly CommandSpec[]): string {
  const facts = treeFacts(specs);
  const root = specs[0]!;
  return `# fish completion for espace. ${GENERATED_NOTE}
# Install: copy to ~/.config/fish/completions/espace.fish

# Prints the command path, the number of positional arguments, and the option awaiting a value.
function __espace_state
    set -l paths ${fishQuote(facts.paths)}
    set -l valued ${fishQuote(facts.valued)}
    set -l words (commandline -opc)
    set -e words[1]
    set -l path ''
    set -l npos 0
    set -l skip ''
    for word in $words
        if test -n "$skip"
            set skip ''
            continue
        end
        if string match -q -- '-*' $word
            string match -q -- "* $word *" $valued; and set skip $word
            continue
        end
        set -l candidate $word
        test -n "$path"; and set candidate "$path $word"
        if string match -q -- "*|$candidate|*" $paths
            set path $candidate
        else
            set npos (math $npos + 1)
        end
    end
    printf '%s\\n' $path $npos $skip
end

function __espace_in
    set -l state (__espace_state)
    test "$state[1]" = "$argv[1]"
end

function __espace_at
    set -l state (__espace_state)
    test "$state[1]" = "$argv[1]"; and test -z "$state[3]"
end

function __espace_arg
    set -l state (__espace_state)
    test "$state[1]" = "$argv[1]"; and test "$state[2]" = "$argv[2]"; and test -z "$state[3]"
end

# Values fetched from espace (bill ids, ticket ids, contexts, accounts), for the same --context.
function __espace_values
    set -l words (commandline -opc)
    set -l globals
    for i in (seq 2 (count $words))
        if contains -- $words[$i] --context --api-url; and test $i -lt (count $words)
            set globals $globals $words[$i] $words[(math $i + 1)]
        end
    end
    command espace $globals __complete $argv[1] 2>/dev/null
end

complete -c espace -f
${specs.flatMap((spec) => specLines(spec, root)).join('\n')}
`;
}
