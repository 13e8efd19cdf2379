import type { MessageTable } from '../catalog.js';

/** The CLI core: the program, its help, parse errors, the API layer, prompts, config, contexts. */
export const coreMessages = {
  'core.cancelled': { en: 'Cancelled.', fr: 'Annulé.' },
  'core.errorPrefix': { en: 'Error:', fr: 'Erreur :' },
  'core.warningPrefix': { en: 'Warning:', fr: 'Attention :' },
  'core.hintPrefix': { en: 'Hint:', fr: 'Conseil :' },
  'core.usageHint': {
    en: "Run 'espace --help' (or 'espace COMMAND --help') for usage.",
    fr: 'Lancez « espace --help » (ou « espace COMMANDE --help ») pour l’aide.',
  },
  'core.unexpected': {
    en: 'unexpected failure: {message}. Run again with --verbose for details.',
    fr: 'échec inattendu : {message}. Relancez avec --verbose pour les détails.',
  },
  'core.expectsInteger': {
    en: "{option} takes a whole number from {min} to {max}, not '{value}'.",
    fr: '{option} prend un nombre entier de {min} à {max}, pas « {value} ».',
  },
  'core.expectsIntegerFrom': {
    en: "{option} takes a whole number of {min} or more, not '{value}'.",
    fr: '{option} prend un nombre entier d’au moins {min}, pas « {value} ».',
  },
  'core.expectsPositiveNumber': {
    en: "{option} takes a number greater than 0, not '{value}'.",
    fr: '{option} prend un nombre supérieur à 0, pas « {value} ».',
  },
  'core.expectsDuration': {
    en: "{option} takes a duration such as 90s, 2m or 500ms, not '{value}'.",
    fr: '{option} prend une durée comme 90s, 2m ou 500ms, pas « {value} ».',
  },

  'program.description': {
    en: 'The Espace Client in your terminal: bills, payments, plans, usage, profile and support, over the TM Forum Open APIs.',
    fr: 'L’Espace client dans votre terminal : factures, paiements, forfaits, consommation, profil et soutien, par les API ouvertes TM Forum.',
  },
  'program.version': { en: 'print the version', fr: 'afficher la version' },
  'program.help': { en: 'show help for a command', fr: 'afficher l’aide d’une commande' },
  'program.helpCommand': { en: 'show help for a command', fr: 'afficher l’aide d’une commande' },
  'program.context': {
    en: 'use this context (default: the active one; env ESPACE_CONTEXT)',
    fr: 'utiliser ce contexte (par défaut : le contexte actif ; env. ESPACE_CONTEXT)',
  },
  'program.apiUrl': {
    en: "use this API base URL instead of the context's (env ESPACE_API_URL)",
    fr: 'utiliser cette URL d’API au lieu de celle du contexte (env. ESPACE_API_URL)',
  },
  'program.json': { en: 'print JSON (money in integer cents)', fr: 'afficher du JSON (montants en cents entiers)' },
  'program.noColor': { en: 'no colours (also NO_COLOR)', fr: 'sans couleurs (aussi NO_COLOR)' },
  'program.lang': {
    en: 'language of messages and formats (env ESPACE_LANG, else the locale)',
    fr: 'langue des messages et des formats (env. ESPACE_LANG, sinon la locale)',
  },
  'program.verbose': { en: 'say more when something fails', fr: 'en dire plus en cas d’échec' },

  'help.usage': { en: 'Usage:', fr: 'Utilisation :' },
  'help.options': { en: 'Options:', fr: 'Options :' },
  'help.commands': { en: 'Commands:', fr: 'Commandes :' },
  'help.arguments': { en: 'Arguments:', fr: 'Arguments :' },
  'help.globalOptions': { en: 'Global options:', fr: 'Options globales :' },
  'help.examples': { en: 'Examples:', fr: 'Exemples :' },

  'api.unauthorized': {
    en: 'the server refused the credentials (HTTP 401, {where}). {detail}',
    fr: 'le serveur a refusé l’authentification (HTTP 401, {where}). {detail}',
  },
  'api.forbidden': {
    en: 'this account may not do that (HTTP 403, {where}). {detail}',
    fr: 'ce compte n’a pas le droit de faire cela (HTTP 403, {where}). {detail}',
  },
  'api.notFound': {
    en: 'nothing at {where} on this server, or not visible to this account (HTTP 404). {detail} (request {requestId})',
    fr: 'rien à {where} sur ce serveur, ou non visible pour ce compte (HTTP 404). {detail} (requête {requestId})',
  },
  'api.notFoundResource': {
    en: 'No {resource} with id {id}, or not visible to this account ({where}: HTTP 404). {detail} (request {requestId})',
    fr: 'Aucune ressource {resource} d’identifiant {id}, ou non visible pour ce compte ({where} : HTTP 404). {detail} (requête {requestId})',
  },
  'api.conflict': {
    en: 'the server reported a conflict (HTTP 409, {where}). {detail} (request {requestId})',
    fr: 'le serveur signale un conflit (HTTP 409, {where}). {detail} (requête {requestId})',
  },
  'api.rejected': {
    en: 'the server rejected the request (HTTP {status}, {where}). {detail} (request {requestId})',
    fr: 'le serveur a refusé la requête (HTTP {status}, {where}). {detail} (requête {requestId})',
  },
  'api.rateLimited': {
    en: 'the server asks to slow down (HTTP 429, {where}) and did not allow a retry soon enough. {detail} (request {requestId})',
    fr: 'le serveur demande de ralentir (HTTP 429, {where}) et ne permet pas de réessayer assez tôt. {detail} (requête {requestId})',
  },
  'api.serverError': {
    en: 'the server failed (HTTP {status}, {where}). {detail} Try again later; give request id {requestId} to support.',
    fr: 'le serveur a échoué (HTTP {status}, {where}). {detail} Réessayez plus tard ; donnez l’identifiant de requête {requestId} au soutien.',
  },
  'api.unreachable': { en: 'cannot reach {origin} for {where} ({reason}).', fr: 'impossible de joindre {origin} pour {where} ({reason}).' },
  'api.hintUnreachable': {
    en: "Check the address and your connection. For the local sandbox: 'espace sandbox start'.",
    fr: 'Vérifiez l’adresse et votre connexion. Pour le bac à sable local : « espace sandbox start ».',
  },
  'api.timeout': {
    en: '{origin} did not answer {where} within {seconds} s (request {requestId}).',
    fr: '{origin} n’a pas répondu à {where} en {seconds} s (requête {requestId}).',
  },
  'api.badResponse': {
    en: 'the server answered something espace cannot use ({resource}: {issues}) for {where} (request {requestId}).',
    fr: 'le serveur a répondu quelque chose qu’espace ne peut pas utiliser ({resource} : {issues}) pour {where} (requête {requestId}).',
  },
  'api.invalidUrl': {
    en: "'{url}' is not a valid API URL (expected https://host[/path]).",
    fr: '« {url} » n’est pas une URL d’API valide (attendu : https://hôte[/chemin]).',
  },
  'api.insecureUrl': {
    en: "'{url}' uses plain HTTP: espace only sends credentials over HTTPS (plain HTTP is allowed to this machine only: localhost, 127.0.0.1, ::1).",
    fr: '« {url} » utilise HTTP en clair : espace n’envoie d’identifiants que par HTTPS (HTTP en clair est permis vers cette machine seulement : localhost, 127.0.0.1, ::1).',
  },

  'prompt.notInteractive': {
    en: 'a value is missing and there is no terminal to ask for it: pass {flag}.',
    fr: 'une valeur manque et aucun terminal ne permet de la demander : passez {flag}.',
  },
  'config.corrupt': {
    en: 'the configuration file {path} is not valid JSON espace can read. Fix it or move it away.',
    fr: 'le fichier de configuration {path} n’est pas un JSON lisible par espace. Corrigez-le ou déplacez-le.',
  },
  'config.sandboxPort': {
    en: "ESPACE_SANDBOX_PORT must be a port number from 1 to 65535, not '{value}'.",
    fr: 'ESPACE_SANDBOX_PORT doit être un numéro de port de 1 à 65535, pas « {value} ».',
  },
  'account.none': { en: 'this login has no billing account.', fr: 'cette connexion n’a aucun compte de facturation.' },
  'account.ambiguous': {
    en: 'several billing accounts are visible ({accounts}): choose one with --account ID.',
    fr: 'plusieurs comptes de facturation sont visibles ({accounts}) : choisissez-en un avec --account ID.',
  },

  'context.description': {
    en: 'manage contexts (named API endpoints such as sandbox or staging)',
    fr: 'gérer les contextes (points d’accès d’API nommés, comme sandbox ou staging)',
  },
  'context.list.description': { en: 'list contexts; * marks the active one', fr: 'lister les contextes ; * marque le contexte actif' },
  'context.add.description': { en: 'add a context', fr: 'ajouter un contexte' },
  'context.add.option.url': { en: 'API base URL (https; http only to this machine)', fr: 'URL de base de l’API (https ; http seulement vers cette machine)' },
  'context.add.option.description': { en: 'a note shown by context list', fr: 'une note affichée par context list' },
  'context.add.option.use': { en: 'make it the active context', fr: 'en faire le contexte actif' },
  'context.use.description': { en: 'make a context the active one', fr: 'rendre un contexte actif' },
  'context.remove.description': { en: 'remove a context and the credentials stored for it', fr: 'supprimer un contexte et les identifiants gardés pour lui' },
  'context.argument.name': { en: 'context name (letters, digits, . _ -)', fr: 'nom du contexte (lettres, chiffres, . _ -)' },
  'context.column.name': { en: 'Name', fr: 'Nom' },
  'context.column.url': { en: 'API URL', fr: 'URL de l’API' },
  'context.column.description': { en: 'Description', fr: 'Description' },
  'context.unknown': { en: "no context named '{name}'.", fr: 'aucun contexte nommé « {name} ».' },
  'context.hintList': {
    en: "See 'espace context list'; add one with 'espace context add NAME --url URL'.",
    fr: 'Voyez « espace context list » ; ajoutez-en un avec « espace context add NOM --url URL ».',
  },
  'context.exists': { en: "a context named '{name}' exists already; remove it first.", fr: 'un contexte nommé « {name} » existe déjà ; supprimez-le d’abord.' },
  'context.builtIn': { en: "'{name}' is built in and cannot be removed.", fr: '« {name} » est intégré et ne peut pas être supprimé.' },
  'context.badName': {
    en: "'{name}' is not a valid context name (letters, digits, '.', '_', '-'; 63 at most).",
    fr: '« {name} » n’est pas un nom de contexte valide (lettres, chiffres, « . », « _ », « - » ; 63 au plus).',
  },
  'context.added': { en: 'Added context {name} ({url}).', fr: 'Contexte {name} ajouté ({url}).' },
  'context.addedAndUsed': { en: 'Added context {name} ({url}); it is now active.', fr: 'Contexte {name} ajouté ({url}) ; il est maintenant actif.' },
  'context.used': { en: 'Now using context {name}.', fr: 'Contexte actif : {name}.' },
  'context.removed': { en: 'Removed context {name} and its stored credentials.', fr: 'Contexte {name} supprimé, avec ses identifiants gardés.' },

  'demo.description': {
    en: 'show the demo customer’s latest bill from the embedded sandbox (starts it if needed; stores nothing)',
    fr: 'afficher la dernière facture de la cliente de démonstration depuis le bac à sable intégré (le démarre au besoin ; ne garde rien)',
  },
  'demo.sandboxOnly': {
    en: 'the demo runs against the embedded sandbox only: drop --context/--api-url (and ESPACE_CONTEXT/ESPACE_API_URL).',
    fr: 'la démonstration ne fonctionne qu’avec le bac à sable intégré : retirez --context/--api-url (et ESPACE_CONTEXT/ESPACE_API_URL).',
  },
  'demo.starting': {
    en: 'Starting the embedded sandbox (first start seeds its data)…',
    fr: 'Démarrage du bac à sable intégré (le premier démarrage crée ses données)…',
  },
  'demo.showing': { en: 'Latest bill of the demo customer {username}:', fr: 'Dernière facture de la cliente de démonstration {username} :' },
  'demo.next': {
    en: 'That was a one-off session; nothing was stored. To use espace yourself:\n  espace auth login --username {username}      (sandbox password: {password})\n  espace bill list\n  espace bill show latest',
    fr: 'C’était une session ponctuelle ; rien n’a été gardé. Pour utiliser espace vous-même :\\n  espace auth login --username {username}      (mot de passe du bac à sable : {password})\\n  espace bill list\\n  espace bill show latest',
  },
  'core.controlInId': {
    en: '{name} holds a control character ({character}), which no identifier has; nothing was sent. Check how the value was produced.',
    fr: '{name} contient un caractère de contrôle ({character}), ce qu’aucun identifiant ne contient ; rien n’a été envoyé. Vérifiez d’où vient la valeur.',
  },
  'prompt.confirm.yes': { en: 'Yes', fr: 'Oui' },
  'prompt.confirm.no': { en: 'No', fr: 'Non' },
  'prompt.confirm.hintYes': { en: 'Y/n', fr: 'O/n' },
  'prompt.confirm.hintNo': { en: 'y/N', fr: 'o/N' },
  'prompt.confirm.invalid': { en: 'Answer y (yes) or n (no).', fr: 'Répondez o (oui) ou n (non).' },
  'core.option.dryRun': {
    en: 'check everything and show what would be sent; change nothing',
    fr: 'tout vérifier et montrer ce qui serait envoyé ; ne rien changer',
  },
  'core.dryRun.wouldSend': {
    en: 'Dry run: checked; {method} {path} was not sent, nothing changed.',
    fr: 'Essai à blanc : vérifié ; {method} {path} n’a pas été envoyé, rien n’a changé.',
  },
  'prompt.select.navigate': { en: 'move', fr: 'se déplacer' },
  'prompt.select.pick': { en: 'choose', fr: 'choisir' },
  'demo.nextNoKeychain': {
    en: 'That was a one-off session; nothing was stored. This machine has no keychain espace can use ({reason}), so keep the login in a file only you can read:\n  espace auth login --insecure-storage --username {username}      (sandbox password: {password})\n  espace bill list\n  espace bill show latest',
    fr: 'C’était une session ponctuelle ; rien n’a été gardé. Cette machine n’a aucun trousseau qu’espace puisse utiliser ({reason}) ; gardez donc la connexion dans un fichier que vous seul pouvez lire :\\n  espace auth login --insecure-storage --username {username}      (mot de passe du bac à sable : {password})\\n  espace bill list\\n  espace bill show latest',
  },
  'demo.nextLocked': {
    en: "That was a one-off session; nothing was stored. Your keyring is locked ({reason}): unlock it (log in to your desktop session, or run 'gnome-keyring-daemon --unlock') before logging in, or keep the login in a file only you can read:\n  espace auth login --insecure-storage --username {username}      (sandbox password: {password})\n  espace bill list\n  espace bill show latest",
    fr: 'C’était une session ponctuelle ; rien n’a été gardé. Votre trousseau est verrouillé ({reason}) : déverrouillez-le (ouvrez votre session de bureau, ou lancez « gnome-keyring-daemon --unlock ») avant de vous connecter, ou gardez la connexion dans un fichier que vous seul pouvez lire :\\n  espace auth login --insecure-storage --username {username}      (mot de passe du bac à sable : {password})\\n  espace bill list\\n  espace bill show latest',
  },
  'program.plain': {
    en: 'plain layout for screen readers: no box drawing, no animation (also TERM=dumb, ESPACE_PLAIN)',
    fr: 'présentation simple pour lecteurs d’écran : sans cadres ni animation (aussi TERM=dumb, ESPACE_PLAIN)',
  },
  'program.noPager': {
    en: 'do not page long output (pager: ESPACE_PAGER, PAGER, else less -FRX)',
    fr: 'ne pas paginer les longues sorties (pager : ESPACE_PAGER, PAGER, sinon less -FRX)',
  },
  'core.waiting': { en: 'Waiting for {what}…', fr: 'En attente : {what}…' },
  'core.waiting.payment': { en: 'the payment', fr: 'le paiement' },
  'core.waiting.order': { en: 'the order', fr: 'la commande' },
  'core.waiting.pdf': { en: 'the PDF', fr: 'le PDF' },
  'core.waiting.server': { en: 'the server', fr: 'le serveur' },
} satisfies MessageTable;
