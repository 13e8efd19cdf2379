# bash completion for espace. Generated from the command tree by `espace completion`; do not edit (regenerate with `npm run completions`).
# Install: source this file from ~/.bashrc, or copy it to ~/.local/share/bash-completion/completions/espace

__espace_spec() {
  subs='' flags='' args=''
  case "$1" in
    '') subs='auth bill context sandbox demo pay payment payment-method autopay plan order addon usage profile ticket support outage doctor completion api account smoke config help' flags='-V --version --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='' ;;
    'auth') subs='login logout status password 2fa sessions help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'auth login') subs='' flags='--username --password-stdin --otp --insecure-storage -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'auth logout') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'auth status') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'auth password') subs='' flags='--password-stdin --code-stdin --sign-out-others --keep-sessions -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'auth 2fa') subs='enable confirm disable status help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'auth 2fa enable') subs='' flags='--password-stdin -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'auth 2fa confirm') subs='' flags='--code-stdin -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'auth 2fa disable') subs='' flags='--password-stdin --code-stdin -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'auth 2fa status') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'auth 2fa help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='enable,confirm,disable,status' ;;
    'auth sessions') subs='revoke' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'auth sessions revoke') subs='' flags='--others -y --yes --password-stdin --code-stdin -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='-' ;;
    'auth help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='login,logout,status,password,2fa,sessions' ;;
    'bill') subs='list show download diff explain dispute help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'bill list') subs='' flags='--account --state --limit --accounts-from --format --fields --ordered --concurrency --batch-size --rps --resume --retry-failed --journal --shard -h --help --context --api-url --timeout --json --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'bill show') subs='' flags='--account --accounts-from --format --fields --ordered --concurrency --batch-size --rps --resume --retry-failed --journal --shard -h --help --context --api-url --timeout --json --no-color --plain --no-pager --lang -v --verbose' args='@bill' ;;
    'bill download') subs='' flags='-o --output --force --account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='@bill' ;;
    'bill diff') subs='' flags='--account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='@bill -' ;;
    'bill explain') subs='' flags='--account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='@bill' ;;
    'bill dispute') subs='' flags='--dry-run --item --reason --severity --account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='@bill' ;;
    'bill help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='list,show,download,diff,explain,dispute' ;;
    'context') subs='list add show set-api use remove help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'context list') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'context add') subs='' flags='--url --description --use --api-path -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='-' ;;
    'context show') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='@context' ;;
    'context set-api') subs='' flags='--reset -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='@context - -' ;;
    'context use') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='@context' ;;
    'context remove') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='@context' ;;
    'context help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='list,add,show,set-api,use,remove' ;;
    'sandbox') subs='start stop status reset seed clock help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'sandbox start') subs='' flags='--data --port --profile -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'sandbox stop') subs='' flags='--data --port -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'sandbox status') subs='' flags='--data --port -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'sandbox reset') subs='' flags='--data --port -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'sandbox seed') subs='' flags='--accounts --data -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'sandbox clock') subs='advance log' flags='--data -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'sandbox clock advance') subs='' flags='--to --data -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='-' ;;
    'sandbox clock log') subs='' flags='--account --data -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'sandbox help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='start,stop,status,reset,seed,clock' ;;
    'demo') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'pay') subs='' flags='--amount --method -y --yes --account --all --dry-run -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='@bill' ;;
    'payment') subs='list show reconcile help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'payment list') subs='' flags='--account --bill --limit --accounts-from --format --fields --ordered --concurrency --batch-size --rps --resume --retry-failed --journal --shard -h --help --context --api-url --timeout --json --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'payment show') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='-' ;;
    'payment reconcile') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'payment help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='list,show,reconcile' ;;
    'payment-method') subs='list add remove help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'payment-method list') subs='' flags='--account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'payment-method add') subs='' flags='--dry-run --bank --default --account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'payment-method remove') subs='' flags='--dry-run -y --yes -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='-' ;;
    'payment-method help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='list,add,remove' ;;
    'autopay') subs='status enable disable help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'autopay status') subs='' flags='--account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'autopay enable') subs='' flags='--dry-run --method --accept-terms --account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'autopay disable') subs='' flags='--dry-run --account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'autopay help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='status,enable,disable' ;;
    'plan') subs='show catalog change next-bill help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'plan show') subs='' flags='--account --accounts-from --format --fields --ordered --concurrency --batch-size --rps --resume --retry-failed --journal --shard -h --help --context --api-url --timeout --json --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'plan catalog') subs='' flags='--service -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'plan change') subs='' flags='--dry-run --account --service --to --accept-terms -y --yes -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'plan next-bill') subs='' flags='--account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'plan help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='show,catalog,change,next-bill' ;;
    'order') subs='list show help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'order list') subs='' flags='--account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'order show') subs='' flags='--watch -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='-' ;;
    'order help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='list,show' ;;
    'addon') subs='list add remove help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'addon list') subs='' flags='--account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'addon add') subs='' flags='--account --accept-terms -y --yes --dry-run -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='-' ;;
    'addon remove') subs='' flags='--account --accept-terms -y --yes --dry-run -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='-' ;;
    'addon help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='list,add,remove' ;;
    'usage') subs='show help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'usage show') subs='' flags='--account --period --accounts-from --format --fields --ordered --concurrency --batch-size --rps --resume --retry-failed --journal --shard -h --help --context --api-url --timeout --json --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'usage help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='show' ;;
    'profile') subs='show set help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'profile show') subs='' flags='--user --account --accounts-from --format --fields --ordered --concurrency --batch-size --rps --resume --retry-failed --journal --shard -h --help --context --api-url --timeout --json --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'profile set') subs='' flags='--dry-run --given-name --family-name --email --phone --street --unit --no-unit --city --province --postal-code --language --user -y --yes -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'profile help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='show,set' ;;
    'ticket') subs='open list show comment escalate close help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'ticket open') subs='' flags='--dry-run --type --severity --subject --description --account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'ticket list') subs='' flags='--status --account --limit --accounts-from --format --fields --ordered --concurrency --batch-size --rps --resume --retry-failed --journal --shard -h --help --context --api-url --timeout --json --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'ticket show') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='@ticket' ;;
    'ticket comment') subs='' flags='--dry-run -m --message -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='@ticket' ;;
    'ticket escalate') subs='' flags='--dry-run --reason -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='@ticket' ;;
    'ticket close') subs='' flags='--dry-run --reason -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='@ticket' ;;
    'ticket help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='open,list,show,comment,escalate,close' ;;
    'support') subs='chat contact help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'support chat') subs='' flags='--queue --wait --subject --type --no-ticket --conversation --account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'support contact') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'support help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='chat,contact' ;;
    'outage') subs='' flags='--postal-code --all --account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'doctor') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'completion') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='bash,zsh,fish' ;;
    'api') subs='' flags='-F --field -f --raw-field -H --header --input --paginate --max-pages --max-items -i --include -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='- -' ;;
    'account') subs='show help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'account show') subs='' flags='--account --accounts-from --format --fields --ordered --concurrency --batch-size --rps --resume --retry-failed --journal --shard -h --help --context --api-url --timeout --json --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'account help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='show' ;;
    'smoke') subs='' flags='--junit --write --account -h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'config') subs='get set list unset help' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'config get') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='lang,pager,plain,color' ;;
    'config set') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='lang,pager,plain,color -' ;;
    'config list') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='' ;;
    'config unset') subs='' flags='-h --help --context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose' args='lang,pager,plain,color' ;;
    'config help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='get,set,list,unset' ;;
    'help') subs='' flags='--context --api-url --timeout --json --fields --no-color --plain --no-pager --lang -v --verbose -h --help' args='auth,bill,context,sandbox,demo,pay,payment,payment-method,autopay,plan,order,addon,usage,profile,ticket,support,outage,doctor,completion,api,account,smoke,config,exit-codes,environment' ;;
  esac
}

__espace_value_offer() {
  offer=''
  case "$1|$2" in
    '|--context') offer='@context' ;;
    '|--lang') offer='en,fr' ;;
    'bill list|--account') offer='@account' ;;
    'bill list|--format') offer='ndjson,csv' ;;
    'bill show|--account') offer='@account' ;;
    'bill show|--format') offer='ndjson,csv' ;;
    'bill download|--account') offer='@account' ;;
    'bill diff|--account') offer='@account' ;;
    'bill explain|--account') offer='@account' ;;
    'bill dispute|--severity') offer='minor,major,critical' ;;
    'bill dispute|--account') offer='@account' ;;
    'sandbox start|--profile') offer='default,plain' ;;
    'sandbox clock log|--account') offer='@account' ;;
    'pay|--account') offer='@account' ;;
    'payment list|--account') offer='@account' ;;
    'payment list|--bill') offer='@bill' ;;
    'payment list|--format') offer='ndjson,csv' ;;
    'payment-method list|--account') offer='@account' ;;
    'payment-method add|--account') offer='@account' ;;
    'autopay status|--account') offer='@account' ;;
    'autopay enable|--account') offer='@account' ;;
    'autopay disable|--account') offer='@account' ;;
    'plan show|--account') offer='@account' ;;
    'plan show|--format') offer='ndjson,csv' ;;
    'plan catalog|--service') offer='internet,tv,phone,mobile,addOn' ;;
    'plan change|--account') offer='@account' ;;
    'plan change|--service') offer='internet,tv,phone,mobile' ;;
    'plan next-bill|--account') offer='@account' ;;
    'order list|--account') offer='@account' ;;
    'addon list|--account') offer='@account' ;;
    'addon add|--account') offer='@account' ;;
    'addon remove|--account') offer='@account' ;;
    'usage show|--account') offer='@account' ;;
    'usage show|--period') offer='current,previous' ;;
    'usage show|--format') offer='ndjson,csv' ;;
    'profile show|--account') offer='@account' ;;
    'profile show|--format') offer='ndjson,csv' ;;
    'ticket open|--type') offer='technical,billing,serviceRequest,move' ;;
    'ticket open|--severity') offer='minor,major,critical' ;;
    'ticket open|--account') offer='@account' ;;
    'ticket list|--account') offer='@account' ;;
    'ticket list|--format') offer='ndjson,csv' ;;
    'support chat|--type') offer='technical,billing,serviceRequest,move' ;;
    'support chat|--account') offer='@account' ;;
    'outage|--account') offer='@account' ;;
    'account show|--account') offer='@account' ;;
    'account show|--format') offer='ndjson,csv' ;;
    'smoke|--account') offer='@account' ;;
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
  local paths='||auth|auth login|auth logout|auth status|auth password|auth 2fa|auth 2fa enable|auth 2fa confirm|auth 2fa disable|auth 2fa status|auth 2fa help|auth sessions|auth sessions revoke|auth help|bill|bill list|bill show|bill download|bill diff|bill explain|bill dispute|bill help|context|context list|context add|context show|context set-api|context use|context remove|context help|sandbox|sandbox start|sandbox stop|sandbox status|sandbox reset|sandbox seed|sandbox clock|sandbox clock advance|sandbox clock log|sandbox help|demo|pay|payment|payment list|payment show|payment reconcile|payment help|payment-method|payment-method list|payment-method add|payment-method remove|payment-method help|autopay|autopay status|autopay enable|autopay disable|autopay help|plan|plan show|plan catalog|plan change|plan next-bill|plan help|order|order list|order show|order help|addon|addon list|addon add|addon remove|addon help|usage|usage show|usage help|profile|profile show|profile set|profile help|ticket|ticket open|ticket list|ticket show|ticket comment|ticket escalate|ticket close|ticket help|support|support chat|support contact|support help|outage|doctor|completion|api|account|account show|account help|smoke|config|config get|config set|config list|config unset|config help|help|' valued=' --account --accounts --accounts-from --amount --api-path --api-url --batch-size --bill --city --concurrency --context --conversation --data --description --email --family-name --field --fields --format --given-name --header --input --item --journal --junit --lang --language --limit --max-items --max-pages --message --method --otp --output --period --phone --port --postal-code --profile --province --raw-field --reason --rps --service --severity --shard --state --status --street --subject --timeout --to --type --unit --url --user --username --wait -F -H -f -m -o '
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
