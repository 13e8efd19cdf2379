#compdef espace
# zsh completion for espace. Generated from the command tree by `espace completion`; do not edit (regenerate with `npm run completions`).
# Install: copy to a directory of $fpath as _espace (e.g. ~/.zfunc/_espace, with fpath+=(~/.zfunc) before
# compinit in ~/.zshrc), or source it from ~/.zshrc after compinit.

__espace_spec() {
  subs=() flags=() args=()
  case $1 in
    '') subs=('auth:log in and out, and see who you are' 'bill:read your bills' 'context:manage contexts (named API endpoints such as sandbox or staging)' 'sandbox:run the embedded TMF sandbox server (seeded demo data)' 'demo:show the demo customer’s latest bill from the embedded sandbox (starts it if needed; stores nothing)' 'outage:outages and planned maintenance at your service address (status, estimated restoration)' 'support:get help: contact channels and hours' 'doctor:check the connection, TLS, clock, login, keychain, file permissions and outages, and say what to fix' 'completion:print the shell completion script (commands, flags, bill and ticket ids, contexts)' 'help:show help for a command') flags=('-V:print the version' '--version:print the version' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails' '-h:show help for a command' '--help:show help for a command') args=() ;;
    'auth') subs=('login:log in; the token is kept in the OS keychain (password from a prompt or --password-stdin, never argv)' 'logout:log out: revoke the session on the server and forget it here' 'status:who is logged in, where, with which token and until when' 'help:show help for a command') flags=('-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'auth login') subs=() flags=('--username:user name (prompted for when missing)' '--password-stdin:read the password from standard input' '--otp:one-time code from your authenticator app (when two-factor is on)' '--insecure-storage:where no keychain works, keep the token in a 0600 file instead' '-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'auth logout') subs=() flags=('-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'auth status') subs=() flags=('-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'auth help') subs=() flags=('--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails' '-h:show help for a command' '--help:show help for a command') args=(login,logout,status) ;;
    'bill') subs=('list:list bills, most recent first (id, number, period, date, total, due date, status)' 'show:show a bill with its five sections' 'help:show help for a command') flags=('-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'bill list') subs=() flags=('--account:billing account (needed when several are visible; agents may name any)' '--state:only bills in this state (sent, settled, partiallyPaid…)' '--limit:at most this many bills' '-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'bill show') subs=() flags=('--account:billing account (needed when several are visible; agents may name any)' '-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=(@bill) ;;
    'bill help') subs=() flags=('--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails' '-h:show help for a command' '--help:show help for a command') args=(list,show) ;;
    'context') subs=('list:list contexts; * marks the active one' 'add:add a context' 'use:make a context the active one' 'remove:remove a context and the credentials stored for it' 'help:show help for a command') flags=('-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'context list') subs=() flags=('-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'context add') subs=() flags=('--url:API base URL (https; http only to this machine)' '--description:a note shown by context list' '--use:make it the active context' '-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=(-) ;;
    'context use') subs=() flags=('-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=(@context) ;;
    'context remove') subs=() flags=('-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=(@context) ;;
    'context help') subs=() flags=('--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails' '-h:show help for a command' '--help:show help for a command') args=(list,add,use,remove) ;;
    'sandbox') subs=('start:start the sandbox in the background' 'stop:stop the sandbox' 'status:is the sandbox running, and where (exit code 1 when not)' 'reset:go back to the seeded data (restarts the sandbox if it runs)' 'help:show help for a command') flags=('-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'sandbox start') subs=() flags=('--data:data directory (default: your data directory, e.g. ~/.local/share/espace/sandbox)' '--port:port on 127.0.0.1 (default 8642)' '-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'sandbox stop') subs=() flags=('--data:data directory (default: your data directory, e.g. ~/.local/share/espace/sandbox)' '--port:port on 127.0.0.1 (default 8642)' '-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'sandbox status') subs=() flags=('--data:data directory (default: your data directory, e.g. ~/.local/share/espace/sandbox)' '--port:port on 127.0.0.1 (default 8642)' '-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'sandbox reset') subs=() flags=('--data:data directory (default: your data directory, e.g. ~/.local/share/espace/sandbox)' '--port:port on 127.0.0.1 (default 8642)' '-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'sandbox help') subs=() flags=('--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails' '-h:show help for a command' '--help:show help for a command') args=(start,stop,status,reset) ;;
    'demo') subs=() flags=('-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'outage') subs=() flags=('--postal-code:look up this postal code (e.g. "H2X 1Y4") or its first three characters' '--all:every area, not only yours' '--account:billing account whose service address to check (agents may name any)' '-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'support') subs=('contact:phone, email and chat channels with their hours, and the mail-in payment address' 'help:show help for a command') flags=('-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'support contact') subs=() flags=('-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'support help') subs=() flags=('--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails' '-h:show help for a command' '--help:show help for a command') args=(contact) ;;
    'doctor') subs=() flags=('-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=() ;;
    'completion') subs=() flags=('-h:show help for a command' '--help:show help for a command' '--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails') args=(bash,zsh,fish) ;;
    'help') subs=() flags=('--context:use this context (default: the active one; env ESPACE_CONTEXT)' '--api-url:use this API base URL instead of the context'\''s (env ESPACE_API_URL)' '--json:print JSON (money in integer cents)' '--no-color:no colours (also NO_COLOR)' '--lang:language of messages and formats (env ESPACE_LANG, else the locale)' '-v:say more when something fails' '--verbose:say more when something fails' '-h:show help for a command' '--help:show help for a command') args=(auth,bill,context,sandbox,demo,outage,support,doctor,completion,exit-codes,environment) ;;
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

# Offers $1 (a comma-separated list, or @KIND for values fetched from espace).
__espace_offer() {
  local -a values
  if [[ $1 == @* ]]; then
    values=(${(f)"$(command espace "${__espace_globals[@]}" __complete "${1#@}" 2>/dev/null)"})
  else
    values=(${(s:,:)1})
  fi
  (( ${#values} )) && compadd -- "${values[@]}"
}

_espace() {
  local paths='||auth|auth login|auth logout|auth status|auth help|bill|bill list|bill show|bill help|context|context list|context add|context use|context remove|context help|sandbox|sandbox start|sandbox stop|sandbox status|sandbox reset|sandbox help|demo|outage|support|support contact|support help|doctor|completion|help|' valued=' --account --api-url --context --data --description --lang --limit --otp --port --postal-code --state --url --username '
  local cur=${words[CURRENT]} cmdpath='' npos=0 skip='' word candidate i offer
  local -a subs flags args
  typeset -ga __espace_globals
  __espace_globals=()
  for ((i = 2; i < CURRENT; i++)); do
    word=${words[i]}
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
  if [[ -n $skip ]]; then
    __espace_value_offer "$cmdpath" "$skip"
    [[ -z $offer ]] && __espace_value_offer '' "$skip"
    [[ -n $offer ]] && __espace_offer "$offer"
    return 0
  fi
  __espace_spec "$cmdpath"
  if [[ $cur == -* ]]; then
    _describe -t options 'option' flags
  elif (( ${#subs} )); then
    _describe -t commands 'command' subs
  else
    local kind=${args[npos + 1]}
    [[ -n $kind && $kind != - ]] && __espace_offer "$kind"
  fi
  return 0
}

if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
  _espace "$@"
else
  compdef _espace espace
fi
