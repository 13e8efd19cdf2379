# fish completion for espace. Generated from the command tree by `espace completion`; do not edit (regenerate with `npm run completions`).
# Install: copy to ~/.config/fish/completions/espace.fish

# Prints the command path, the number of positional arguments, and the option awaiting a value.
function __espace_state
    set -l paths '||auth|auth login|auth logout|auth status|auth help|bill|bill list|bill show|bill help|context|context list|context add|context use|context remove|context help|sandbox|sandbox start|sandbox stop|sandbox status|sandbox reset|sandbox help|demo|outage|support|support contact|support help|doctor|completion|api|help|'
    set -l valued ' --account --api-url --context --data --description --field --header --input --lang --limit --otp --port --postal-code --raw-field --state --url --username -F -H -f '
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
    printf '%s\n' $path $npos $skip
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
complete -c espace -n '__espace_at \'\'' -a 'auth' -d 'log in and out, and see who you are'
complete -c espace -n '__espace_at \'\'' -a 'bill' -d 'read your bills'
complete -c espace -n '__espace_at \'\'' -a 'context' -d 'manage contexts (named API endpoints such as sandbox or staging)'
complete -c espace -n '__espace_at \'\'' -a 'sandbox' -d 'run the embedded TMF sandbox server (seeded demo data)'
complete -c espace -n '__espace_at \'\'' -a 'demo' -d 'show the demo customer’s latest bill from the embedded sandbox (starts it if needed; stores nothing)'
complete -c espace -n '__espace_at \'\'' -a 'outage' -d 'outages and planned maintenance at your service address (status, estimated restoration)'
complete -c espace -n '__espace_at \'\'' -a 'support' -d 'get help: contact channels and hours'
complete -c espace -n '__espace_at \'\'' -a 'doctor' -d 'check the connection, TLS, clock, login, keychain, file permissions and outages, and say what to fix'
complete -c espace -n '__espace_at \'\'' -a 'completion' -d 'print the shell completion script (commands, flags, bill and ticket ids, contexts)'
complete -c espace -n '__espace_at \'\'' -a 'api' -d 'send an authenticated request to the API and print the JSON answer (like gh api)'
complete -c espace -n '__espace_at \'\'' -a 'help' -d 'show help for a command'
complete -c espace -s V -l version -d 'print the version'
complete -c espace -l context -r -f -a '(__espace_values context)' -d 'use this context (default: the active one; env ESPACE_CONTEXT)'
complete -c espace -l api-url -r -d 'use this API base URL instead of the context\'s (env ESPACE_API_URL)'
complete -c espace -l json -d 'print JSON (money in integer cents)'
complete -c espace -l no-color -d 'no colours (also NO_COLOR)'
complete -c espace -l lang -r -f -a 'en fr' -d 'language of messages and formats (env ESPACE_LANG, else the locale)'
complete -c espace -s v -l verbose -d 'say more when something fails'
complete -c espace -s h -l help -d 'show help for a command'
complete -c espace -n '__espace_at \'auth\'' -a 'login' -d 'log in; the token is kept in the OS keychain (password from a prompt or --password-stdin, never argv)'
complete -c espace -n '__espace_at \'auth\'' -a 'logout' -d 'log out: revoke the session on the server and forget it here'
complete -c espace -n '__espace_at \'auth\'' -a 'status' -d 'who is logged in, where, with which token and until when'
complete -c espace -n '__espace_at \'auth\'' -a 'help' -d 'show help for a command'
complete -c espace -n '__espace_in \'auth login\'' -l username -r -d 'user name (prompted for when missing)'
complete -c espace -n '__espace_in \'auth login\'' -l password-stdin -d 'read the password from standard input'
complete -c espace -n '__espace_in \'auth login\'' -l otp -r -d 'one-time code from your authenticator app (when two-factor is on)'
complete -c espace -n '__espace_in \'auth login\'' -l insecure-storage -d 'where no keychain works, keep the token in a 0600 file instead'
complete -c espace -n '__espace_arg \'auth help\' 0' -a 'login logout status'
complete -c espace -n '__espace_at \'bill\'' -a 'list' -d 'list bills, most recent first (id, number, period, date, total, due date, status)'
complete -c espace -n '__espace_at \'bill\'' -a 'show' -d 'show a bill with its five sections'
complete -c espace -n '__espace_at \'bill\'' -a 'help' -d 'show help for a command'
complete -c espace -n '__espace_in \'bill list\'' -l account -r -f -a '(__espace_values account)' -d 'billing account (needed when several are visible; agents may name any)'
complete -c espace -n '__espace_in \'bill list\'' -l state -r -d 'only bills in this state (sent, settled, partiallyPaid…)'
complete -c espace -n '__espace_in \'bill list\'' -l limit -r -d 'at most this many bills'
complete -c espace -n '__espace_in \'bill show\'' -l account -r -f -a '(__espace_values account)' -d 'billing account (needed when several are visible; agents may name any)'
complete -c espace -n '__espace_arg \'bill show\' 0' -a '(__espace_values bill)'
complete -c espace -n '__espace_arg \'bill help\' 0' -a 'list show'
complete -c espace -n '__espace_at \'context\'' -a 'list' -d 'list contexts; * marks the active one'
complete -c espace -n '__espace_at \'context\'' -a 'add' -d 'add a context'
complete -c espace -n '__espace_at \'context\'' -a 'use' -d 'make a context the active one'
complete -c espace -n '__espace_at \'context\'' -a 'remove' -d 'remove a context and the credentials stored for it'
complete -c espace -n '__espace_at \'context\'' -a 'help' -d 'show help for a command'
complete -c espace -n '__espace_in \'context add\'' -l url -r -d 'API base URL (https; http only to this machine)'
complete -c espace -n '__espace_in \'context add\'' -l description -r -d 'a note shown by context list'
complete -c espace -n '__espace_in \'context add\'' -l use -d 'make it the active context'
complete -c espace -n '__espace_arg \'context use\' 0' -a '(__espace_values context)'
complete -c espace -n '__espace_arg \'context remove\' 0' -a '(__espace_values context)'
complete -c espace -n '__espace_arg \'context help\' 0' -a 'list add use remove'
complete -c espace -n '__espace_at \'sandbox\'' -a 'start' -d 'start the sandbox in the background'
complete -c espace -n '__espace_at \'sandbox\'' -a 'stop' -d 'stop the sandbox'
complete -c espace -n '__espace_at \'sandbox\'' -a 'status' -d 'is the sandbox running, and where (exit code 1 when not)'
complete -c espace -n '__espace_at \'sandbox\'' -a 'reset' -d 'go back to the seeded data (restarts the sandbox if it runs)'
complete -c espace -n '__espace_at \'sandbox\'' -a 'help' -d 'show help for a command'
complete -c espace -n '__espace_in \'sandbox start\'' -l data -r -d 'data directory (default: your data directory, e.g. ~/.local/share/espace/sandbox)'
complete -c espace -n '__espace_in \'sandbox start\'' -l port -r -d 'port on 127.0.0.1 (default 8642)'
complete -c espace -n '__espace_in \'sandbox stop\'' -l data -r -d 'data directory (default: your data directory, e.g. ~/.local/share/espace/sandbox)'
complete -c espace -n '__espace_in \'sandbox stop\'' -l port -r -d 'port on 127.0.0.1 (default 8642)'
complete -c espace -n '__espace_in \'sandbox status\'' -l data -r -d 'data directory (default: your data directory, e.g. ~/.local/share/espace/sandbox)'
complete -c espace -n '__espace_in \'sandbox status\'' -l port -r -d 'port on 127.0.0.1 (default 8642)'
complete -c espace -n '__espace_in \'sandbox reset\'' -l data -r -d 'data directory (default: your data directory, e.g. ~/.local/share/espace/sandbox)'
complete -c espace -n '__espace_in \'sandbox reset\'' -l port -r -d 'port on 127.0.0.1 (default 8642)'
complete -c espace -n '__espace_arg \'sandbox help\' 0' -a 'start stop status reset'
complete -c espace -n '__espace_in \'outage\'' -l postal-code -r -d 'look up this postal code (e.g. "H2X 1Y4") or its first three characters'
complete -c espace -n '__espace_in \'outage\'' -l all -d 'every area, not only yours'
complete -c espace -n '__espace_in \'outage\'' -l account -r -f -a '(__espace_values account)' -d 'billing account whose service address to check (agents may name any)'
complete -c espace -n '__espace_at \'support\'' -a 'contact' -d 'phone, email and chat channels with their hours, and the mail-in payment address'
complete -c espace -n '__espace_at \'support\'' -a 'help' -d 'show help for a command'
complete -c espace -n '__espace_arg \'support help\' 0' -a 'contact'
complete -c espace -n '__espace_arg \'completion\' 0' -a 'bash zsh fish'
complete -c espace -n '__espace_in \'api\'' -s F -l field -r -d 'parameter with a JSON-typed value (true, false, null, numbers); repeatable'
complete -c espace -n '__espace_in \'api\'' -s f -l raw-field -r -d 'parameter with a string value; repeatable'
complete -c espace -n '__espace_in \'api\'' -s H -l header -r -d 'extra request header; repeatable'
complete -c espace -n '__espace_in \'api\'' -l input -r -d 'JSON request body from a file, or - for stdin'
complete -c espace -n '__espace_in \'api\'' -l paginate -d 'follow offset/limit through every page and print one array'
complete -c espace -n '__espace_in \'api\'' -s i -l include -d 'print the HTTP status and response headers first'
complete -c espace -n '__espace_arg \'help\' 0' -a 'auth bill context sandbox demo outage support doctor completion api exit-codes environment'
