/**
 * The bash completion script. A walker (the same in every shell) reads the words before the cursor:
 * a word that extends a known command path enters it, an option that takes a value skips the next
 * word, anything else counts as a positional argument. Then the path's table says what to offer.
 */
import { GENERATED_NOTE, argOffers, offeredFlags, quote, treeFacts, valueOfferFunction, walkerLoop } from './shell-words.js';
import type { CommandSpec } from './tree.js';

function specCase(spec: CommandSpec, root: CommandSpec): string {
  const flags = offeredFlags(spec, root)
    .flatMap((flag) => flag.names)
    .join(' ');
  const commands = spec.subcommands.map((sub) => sub.name).join(' ');
  return `    ${quote(spec.path)}) subs=${quote(commands)} flags=${quote(flags)} args=${quote(argOffers(spec))} ;;`;
}

export function bashScript(specs: readonly CommandSpec[]): string {
  const facts = treeFacts(specs);
  const root = specs[0]!;
  return `# bash completion for espace. ${GENERATED_NOTE}
# Install: source this file from ~/.bashrc, or copy it to ~/.local/share/bash-completion/completions/espace

__espace_spec() {
  subs='' flags='' args=''
  case "$1" in
${specs.map((spec) => specCase(spec, root)).join('\n')}
  esac
}

${valueOfferFunction(specs)}

# Offers "$1" (a comma-separated list, or @KIND for values fetched from espace) for the word "$2".
__espace_offer() {
  local list
  if [[ $1 == @* ]]; then
    list=$(command espace "\${__espace_globals[@]}" __complete "\${1#@}" 2>/dev/null)
  else
    list=\${1//,/$'\\n'}
  fi
  local IFS=$'\\n'
  COMPREPLY=($(compgen -W "$list" -- "$2"))
}

_espace() {
  local paths=${quote(facts.paths)} valued=${quote(facts.valued)}
  local cur=\${COMP_WORDS[COMP_CWORD]} cmdpath='' npos=0 skip='' word candidate i
  local subs flags args offer
  __espace_globals=()
${walkerLoop('COMP_WORDS', 1, 'COMP_CWORD')}
  COMPREPLY=()
  if [[ -n $skip ]]; then
    __espace_value_offer "$cmdpath" "$skip"
    [[ -z $offer ]] && __espace_value_offer '' "$skip"
    [[ -n $offer ]] && __espace_offer "$offer" "$cur"
    return 0
  fi
  __espace_spec "$cmdpath"
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  elif [[ -n $subs ]]; then
    COMPREPLY=($(compgen -W "$subs" -- "$cur"))
  else
    local kinds=($args)
    local kind=\${kinds[npos]}
    [[ -n $kind && $kind != - ]] && __espace_offer "$kind" "$cur"
  fi
  return 0
}

complete -F _espace espace
`;
}
