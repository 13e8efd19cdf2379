/** The zsh completion script: the walker of bash.ts in zsh, with descriptions beside each offer. */
import { GENERATED_NOTE, argOffers, offeredFlags, quote, summary, treeFacts, valueOfferFunction, walkerLoop } from './shell-words.js';
import type { CommandSpec } from './tree.js';

/** `name:description` for _describe (a colon in the name must be escaped). */
const described = (name: string, description: string) => quote(`${name.replace(/:/g, '\\:')}:${summary(description)}`);

function specCase(spec: CommandSpec, root: CommandSpec): string {
  const commands = spec.subcommands.map((sub) => described(sub.name, sub.description)).join(' ');
  const flags = offeredFlags(spec, root)
    .flatMap((flag) => flag.names.map((name) => described(name, flag.description)))
    .join(' ');
  return `    ${quote(spec.path)}) subs=(${commands}) flags=(${flags}) args=(${argOffers(spec)}) ;;`;
}

export function zshScript(specs: readonly CommandSpec[]): string {
  const facts = treeFacts(specs);
  const root = specs[0]!;
  return `#compdef espace
# zsh completion for espace. ${GENERATED_NOTE}
# Install: copy to a directory of $fpath as _espace (e.g. ~/.zfunc/_espace, with fpath+=(~/.zfunc) before
# compinit in ~/.zshrc), or source it from ~/.zshrc after compinit.

__espace_spec() {
  subs=() flags=() args=()
  case $1 in
${specs.map((spec) => specCase(spec, root)).join('\n')}
  esac
}

${valueOfferFunction(specs)}

# Offers $1 (a comma-separated list, or @KIND for values fetched from espace).
__espace_offer() {
  local -a values
  if [[ $1 == @* ]]; then
    values=(\${(f)"$(command espace "\${__espace_globals[@]}" __complete "\${1#@}" 2>/dev/null)"})
  else
    values=(\${(s:,:)1})
  fi
  (( \${#values} )) && compadd -- "\${values[@]}"
}

_espace() {
  local paths=${quote(facts.paths)} valued=${quote(facts.valued)}
  local cur=\${words[CURRENT]} cmdpath='' npos=0 skip='' word candidate i offer
  local -a subs flags args
  typeset -ga __espace_globals
  __espace_globals=()
${walkerLoop('words', 2, 'CURRENT')}
  if [[ -n $skip ]]; then
    __espace_value_offer "$cmdpath" "$skip"
    [[ -z $offer ]] && __espace_value_offer '' "$skip"
    [[ -n $offer ]] && __espace_offer "$offer"
    return 0
  fi
  __espace_spec "$cmdpath"
  if [[ $cur == -* ]]; then
    _describe -t options 'option' flags
  elif (( \${#subs} )); then
    _describe -t commands 'command' subs
  else
    local kind=\${args[npos + 1]}
    [[ -n $kind && $kind != - ]] && __espace_offer "$kind"
  fi
  return 0
}

if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _espace "$@"
else
  compdef _espace espace
fi
`;
}
