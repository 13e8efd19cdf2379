# bash completion for espace. Generated from the command tree by `espace completion`; do not edit (regenerate with `npm run completions`).
# Install: source this file from ~/.bashrc, or copy it to ~/.local/share/bash-completion/completions/espace

__espace_spec() {
  subs='' flags='' args=''
  case "$1" in
    '') subs='auth bill context sandbox demo outage support doctor completion api help' flags='-V --version --context --api-url --json --no-color --lang -v --verbose -h --help' args='' ;;
    'auth') subs='login logout status help' flags='-h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'auth login') subs='' flags='--username --password-stdin --otp --insecure-storage -h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'auth logout') subs='' flags='-h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'auth status') subs='' flags='-h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'auth help') subs='' flags='--context --api-url --json --no-color --lang -v --verbose -h --help' args='login,logout,status' ;;
    'bill') subs='list show help' flags='-h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'bill list') subs='' flags='--account --state --limit -h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'bill show') subs='' flags='--account -h --help --context --api-url --json --no-color --lang -v --verbose' args='@bill' ;;
    'bill help') subs='' flags='--context --api-url --json --no-color --lang -v --verbose -h --help' args='list,show' ;;
    'context') subs='list add use remove help' flags='-h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'context list') subs='' flags='-h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'context add') subs='' flags='--url --description --use -h --help --context --api-url --json --no-color --lang -v --verbose' args='-' ;;
    'context use') subs='' flags='-h --help --context --api-url --json --no-color --lang -v --verbose' args='@context' ;;
    'context remove') subs='' flags='-h --help --context --api-url --json --no-color --lang -v --verbose' args='@context' ;;
    'context help') subs='' flags='--context --api-url --json --no-color --lang -v --verbose -h --help' args='list,add,use,remove' ;;
    'sandbox') subs='start stop status reset help' flags='-h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'sandbox start') subs='' flags='--data --port -h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'sandbox stop') subs='' flags='--data --port -h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'sandbox status') subs='' flags='--data --port -h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'sandbox reset') subs='' flags='--data --port -h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'sandbox help') subs='' flags='--context --api-url --json --no-color --lang -v --verbose -h --help' args='start,stop,status,reset' ;;
    'demo') subs='' flags='-h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'outage') subs='' flags='--postal-code --all --account -h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'support') subs='contact help' flags='-h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'support contact') subs='' flags='-h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'support help') subs='' flags='--context --api-url --json --no-color --lang -v --verbose -h --help' args='contact' ;;
    'doctor') subs='' flags='-h --help --context --api-url --json --no-color --lang -v --verbose' args='' ;;
    'completion') subs='' flags='-h --help --context --api-url --json --no-color --lang -v --verbose' args='bash,zsh,fish' ;;
    'api') subs='' flags='-F --field -f --raw-field -H --header --input --paginate -i --include -h --help --context --api-url --json --no-color --lang -v --verbose' args='- -' ;;
    'help') subs='' flags='--context --api-url --json --no-color --lang -v --verbose -h --help' args='auth,bill,context,sandbox,demo,outage,support,doctor,completion,api,exit-codes,environment' ;;
  esac
}

__espace_value_offer() {
  offer=''
  case "$1|$2" in
    '|--context') offer='@context' ;;
    '|--lang') offer='en,fr' ;;
    'bill list|--account') offer='@account' ;;
    'bill show|--account') offer='@account' ;;
    'outage|--account') offer='@account' ;;
  esac
}

# Offers "$1" (a comma-separated list, or @KIND for values fetched from espace) for the word "$2".
__espace_offer() {
  local list
  if [[ $1 == @* ]]; then
    list=$(command espace "${__espace_globals[@]}" __complete "${1#@}" 2>/dev/null)
  else
    list=${1//,/$'\n'}
  fi
  local IFS=$'\n'
  COMPREPLY=($(compgen -W "$list" -- "$2"))
}

_espace() {
  local paths='||auth|auth login|auth logout|auth status|auth help|bill|bill list|bill show|bill help|context|context list|context add|context use|context remove|context help|sandbox|sandbox start|sandbox stop|sandbox status|sandbox reset|sandbox help|demo|outage|support|support contact|support help|doctor|completion|api|help|' valued=' --account --api-url --context --data --description --field --header --input --lang --limit --otp --port --postal-code --raw-field --state --url --username -F -H -f '
  local cur=${COMP_WORDS[COMP_CWORD]} cmdpath='' npos=0 skip='' word candidate i
  local subs flags args offer
  __espace_globals=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ -n $skip ]]; then
      [[ $skip == --context || $skip == --api-url ]] && __espace_globals+=("$skip" "$word")
      skip=''
      continue
    fi
    if [[ $word == -* ]]; then
      [[ $valued == *" $word "* ]] && skip=$word
      continue
    fi
    candidate=${cmdpath:+$cmdpath }$word
    if [[ $paths == *"|$candidate|"* ]]; then cmdpath=$candidate; else npos=$((npos + 1)); fi
  done
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
    local kind=${kinds[npos]}
    [[ -n $kind && $kind != - ]] && __espace_offer "$kind" "$cur"
  fi
  return 0
}

complete -F _espace espace
