import type { MessageTable } from '../catalog.js';

/** `espace doctor`: checks, their findings and fixes, and the troubleshooting steps. */
export const doctorMessages = {
  'doctor.description': {
    en: 'check the connection, TLS, clock, login, keychain, file permissions and outages, and say what to fix',
    fr: 'vérifier la connexion, TLS, l’horloge, la connexion au compte, le trousseau, les permissions et les pannes, et dire quoi corriger',
  },
  'doctor.failed': {
    en: '{count} check(s) failed; see the fixes above.',
    fr: '{count} vérification(s) en échec ; voyez les corrections ci-dessus.',
  },
  'doctor.fixPrefix': { en: 'Fix:', fr: 'Correction :' },
  'doctor.stepsHeading': { en: 'Troubleshooting steps that apply:', fr: 'Étapes de dépannage applicables :' },
  'doctor.check.api': { en: 'API', fr: 'API' },
  'doctor.check.tls': { en: 'TLS', fr: 'TLS' },
  'doctor.check.clock': { en: 'Clock', fr: 'Horloge' },
  'doctor.check.token': { en: 'Login', fr: 'Connexion' },
  'doctor.check.keychain': { en: 'Keychain', fr: 'Trousseau' },
  'doctor.check.files': { en: 'Files', fr: 'Fichiers' },
  'doctor.check.outages': { en: 'Outages', fr: 'Pannes' },
  'doctor.skipped.noTarget': { en: 'not checked: no API to talk to.', fr: 'non vérifié : aucune API à joindre.' },
  'doctor.skipped.noServerTime': { en: 'not checked: the server did not give its time.', fr: 'non vérifiée : le serveur n’a pas donné son heure.' },
  'doctor.skipped.noToken': { en: 'not checked: needs a valid login.', fr: 'non vérifiées : il faut une connexion valide.' },
  'doctor.api.ok': { en: '{url} is reachable.', fr: '{url} est joignable.' },
  'doctor.api.answered': { en: '{url} is reachable (it answered HTTP {status}).', fr: '{url} est joignable (réponse HTTP {status}).' },
  'doctor.api.fixSandbox': {
    en: 'start the local sandbox: espace sandbox start (or point espace elsewhere with --context or --api-url).',
    fr: 'démarrez le bac à sable local : espace sandbox start (ou visez une autre API avec --context ou --api-url).',
  },
  'doctor.api.fixRemote': {
    en: 'check your Internet connection and the API address (espace context list); the service may also be down: espace outage --all.',
    fr: 'vérifiez votre connexion Internet et l’adresse de l’API (espace context list) ; le service peut aussi être en panne : espace outage --all.',
  },
  'doctor.api.fixContext': {
    en: 'list the contexts with espace context list, and pick one with espace context use NAME.',
    fr: 'listez les contextes avec espace context list, et choisissez-en un avec espace context use NOM.',
  },
  'doctor.tls.loopback': { en: 'not needed: the API is on this machine (loopback).', fr: 'inutile : l’API est sur cette machine (boucle locale).' },
  'doctor.tls.plain': {
    en: '{url} uses plain HTTP over a network: tokens would travel in clear text.',
    fr: '{url} utilise HTTP sans chiffrement sur un réseau : les jetons circuleraient en clair.',
  },
  'doctor.tls.fixPlain': {
    en: 'use the https:// address of the API (espace context add NAME --url https://…).',
    fr: 'utilisez l’adresse https:// de l’API (espace context add NOM --url https://…).',
  },
  'doctor.tls.handshake': { en: 'no TLS connection: {reason}.', fr: 'aucune connexion TLS : {reason}.' },
  'doctor.tls.untrusted': { en: 'the server’s certificate is not trusted: {reason}.', fr: 'le certificat du serveur n’est pas reconnu : {reason}.' },
  'doctor.tls.fixUntrusted': {
    en: 'check the system clock and the address; for a private certificate authority set NODE_EXTRA_CA_CERTS to its certificate file.',
    fr: 'vérifiez l’horloge du système et l’adresse ; pour une autorité de certification privée, pointez NODE_EXTRA_CA_CERTS vers son certificat.',
  },
  'doctor.tls.ok': { en: 'certificate trusted, valid until {until}.', fr: 'certificat reconnu, valide jusqu’au {until}.' },
  'doctor.tls.expiring': {
    en: 'certificate trusted but it expires on {until} ({days} days left).',
    fr: 'certificat reconnu, mais il expire le {until} (encore {days} jours).',
  },
  'doctor.clock.ok': { en: 'in step with the server.', fr: 'synchronisée avec le serveur.' },
  'doctor.clock.ahead': {
    en: 'this machine’s clock is {seconds} s ahead of the server’s.',
    fr: 'l’horloge de cette machine avance de {seconds} s sur celle du serveur.',
  },
  'doctor.clock.behind': {
    en: 'this machine’s clock is {seconds} s behind the server’s.',
    fr: 'l’horloge de cette machine retarde de {seconds} s sur celle du serveur.',
  },
  'doctor.clock.fix': {
    en: 'turn on automatic time (NTP), e.g. sudo timedatectl set-ntp true: token expiry and two-factor codes depend on it.',
    fr: 'activez l’heure automatique (NTP), p. ex. sudo timedatectl set-ntp true : l’expiration des jetons et les codes à deux facteurs en dépendent.',
  },
  'doctor.token.ok': {
    en: 'accepted by the server; from {source}; {expires}; refresh {refresh}.',
    fr: 'acceptée par le serveur ; source : {source} ; {expires} ; renouvellement {refresh}.',
  },
  'doctor.token.unverified': {
    en: 'found in {source} but not verified (server unreachable); {expires}; refresh {refresh}.',
    fr: 'trouvée dans {source} mais non vérifiée (serveur injoignable) ; {expires} ; renouvellement {refresh}.',
  },
  'doctor.token.noExpiry': { en: 'expiry unknown', fr: 'expiration inconnue' },
  'doctor.token.expiresAt': { en: 'expires {when} (in {minutes} min)', fr: 'expire le {when} (dans {minutes} min)' },
  'doctor.token.refreshYes': { en: 'possible', fr: 'possible' },
  'doctor.token.refreshNo': { en: 'not possible (log in again when it expires)', fr: 'impossible (reconnectez-vous à l’expiration)' },
  'doctor.keychain.ok': { en: 'the OS keychain answers.', fr: 'le trousseau du système répond.' },
  'doctor.keychain.locked': { en: 'answers, but cannot be read: {reason}.', fr: 'répond, mais ne peut être lu : {reason}.' },
  'doctor.keychain.unavailable': { en: 'the OS keychain cannot be used: {reason}.', fr: 'le trousseau du système est inutilisable : {reason}.' },
  'doctor.files.windows': { en: 'not checked on Windows (no Unix permissions).', fr: 'non vérifiés sous Windows (pas de permissions Unix).' },
  'doctor.files.none': { en: 'no configuration yet ({path}).', fr: 'aucune configuration pour l’instant ({path}).' },
  'doctor.files.ok': { en: 'private to you ({path}).', fr: 'privés ({path}).' },
  'doctor.files.credentialsOpen': {
    en: 'the credential file {path} can be read by other users (mode {mode}); espace refuses to use it.',
    fr: 'le fichier d’identifiants {path} est lisible par d’autres utilisateurs (mode {mode}) ; espace refuse de l’utiliser.',
  },
  'doctor.files.dirOpen': {
    en: 'the directory {path} that holds the credential file is open to other users (mode {mode}).',
    fr: 'le répertoire {path} qui contient le fichier d’identifiants est ouvert aux autres utilisateurs (mode {mode}).',
  },
  'doctor.files.configOpen': {
    en: 'the config file {path} is open to other users (mode {mode}): someone could redirect your logins.',
    fr: 'le fichier de configuration {path} est ouvert aux autres utilisateurs (mode {mode}) : quelqu’un pourrait détourner vos connexions.',
  },
  'doctor.files.fix': {
    en: '{commands}; if someone else may have read the credential file, log in again to replace the token.',
    fr: '{commands} ; si quelqu’un d’autre a pu lire le fichier d’identifiants, reconnectez-vous pour remplacer le jeton.',
  },
  'doctor.outages.none': { en: 'no outage reported at {where}.', fr: 'aucune panne signalée à {where}.' },
  'doctor.outages.inProgress': {
    en: 'an outage affects {services} at {where}; service expected back {when}.',
    fr: 'une panne touche {services} à {where} ; rétablissement prévu le {when}.',
  },
  'doctor.outages.maintenance': {
    en: 'no outage at {where}; planned maintenance of {services} starts {when}.',
    fr: 'aucune panne à {where} ; un entretien planifié ({services}) commence le {when}.',
  },
  'doctor.outages.fix': {
    en: 'nothing to fix on your side; follow it with: espace outage',
    fr: 'rien à corriger de votre côté ; suivez-la avec : espace outage',
  },
  'doctor.outages.severalAccounts': {
    en: 'not checked: several accounts are visible (espace outage --account ID).',
    fr: 'non vérifiées : plusieurs comptes sont visibles (espace outage --account ID).',
  },
  'doctor.step.connection': {
    en: 'Check your Internet connection: restart your modem and router, then run espace doctor again.',
    fr: 'Vérifiez votre connexion Internet : redémarrez votre modem et votre routeur, puis relancez espace doctor.',
  },
  'doctor.step.login': { en: 'Log in again: espace auth login', fr: 'Reconnectez-vous : espace auth login' },
  'doctor.step.permissions': {
    en: 'Make espace’s files private with the chmod command shown above.',
    fr: 'Rendez les fichiers d’espace privés avec la commande chmod indiquée ci-dessus.',
  },
  'doctor.step.clock': {
    en: 'Set this machine’s clock to the right time (automatic time).',
    fr: 'Mettez l’horloge de cette machine à l’heure (heure automatique).',
  },
  'doctor.step.outage': {
    en: 'An outage is in progress in your area: no need to restart your equipment; follow it with espace outage.',
    fr: 'Une panne est en cours dans votre secteur : inutile de redémarrer vos appareils ; suivez-la avec espace outage.',
  },
  'doctor.step.checkOutages': {
    en: 'Check for service outages and planned maintenance in your area: espace outage',
    fr: 'Vérifiez les pannes et les entretiens planifiés dans votre secteur : espace outage',
  },
  'doctor.step.billingInfo': {
    en: 'Verify your billing information: make sure your payment details are correct and up to date.',
    fr: 'Vérifiez vos informations de facturation : assurez-vous que vos renseignements de paiement sont exacts et à jour.',
  },
  'doctor.step.plan': {
    en: 'Review your service plan: confirm that the charges on your bill match your plan (espace bill show).',
    fr: 'Revoyez votre forfait : confirmez que les frais de votre facture correspondent à votre forfait (espace bill show).',
  },
  'doctor.step.contact': {
    en: 'Still stuck? Contact support: {phone} ({hours}), {email}, or chat (espace support contact lists every channel).',
    fr: 'Toujours coincé ? Joignez le soutien : {phone} ({hours}), {email}, ou le clavardage (espace support contact liste tous les moyens).',
  },
  'doctor.step.escalate': {
    en: 'Give your account details and what you tried; if it remains unresolved, ask to escalate to a supervisor or the technical or billing team.',
    fr: 'Donnez les détails de votre compte et ce que vous avez essayé ; si rien n’est réglé, demandez de transférer à un superviseur ou à l’équipe technique ou de facturation.',
  },
  'doctor.check.apis': { en: 'APIs', fr: 'API' },
  'doctor.apis.count': { en: '{count} {status}', fr: '{count} {status}' },
  'doctor.apis.status.reachable': { en: 'reachable', fr: 'joignable(s)' },
  'doctor.apis.status.missing': { en: 'missing', fr: 'absente(s)' },
  'doctor.apis.status.refused': { en: 'refused', fr: 'refusée(s)' },
  'doctor.apis.status.unreachable': { en: 'unreachable', fr: 'injoignable(s)' },
  'doctor.apis.status.failing': { en: 'failing', fr: 'en erreur' },
  'doctor.apis.status.unchecked': { en: 'not checked', fr: 'non vérifiée(s)' },
  'doctor.apis.noIndividual': { en: 'this login names no individual', fr: 'cette connexion ne désigne aucune personne' },
  'doctor.apis.noIndividualThere': {
    en: 'no individual of this login there: a client login has none, or the API is mounted elsewhere',
    fr: 'aucune personne de cette connexion à cet endroit : une connexion de client applicatif n’en a pas, ou l’API est placée ailleurs',
  },
  'doctor.apis.withHttp': { en: '{status} (HTTP {code})', fr: '{status} (HTTP {code})' },
  'doctor.apis.fixMissing': {
    en: 'nothing answers at the path shown: if this server mounts the API elsewhere, say where with espace context set-api {context} API PATH (espace context show lists the paths)',
    fr: 'rien ne répond au chemin indiqué : si ce serveur place l’API ailleurs, indiquez où avec espace context set-api {context} API CHEMIN (espace context show liste les chemins)',
  },
  'doctor.apis.fixMissingCustomUrl': {
    en: 'nothing answers at the path shown, and a custom URL uses the default paths: add a context for this server with espace context add NAME --url URL --api-path API=PATH',
    fr: 'rien ne répond au chemin indiqué, et une URL personnalisée utilise les chemins par défaut : ajoutez un contexte pour ce serveur avec espace context add NOM --url URL --api-path API=CHEMIN',
  },
  'doctor.apis.fixRefused': {
    en: 'this login may not use the APIs marked refused; the commands that need them will fail until the operator grants access',
    fr: 'cette connexion ne peut pas utiliser les API marquées refusées ; les commandes qui en ont besoin échoueront tant que l’opérateur n’y donne pas accès',
  },
  'doctor.apis.fixFailing': {
    en: 'the server failed or could not be reached for some APIs; try again later, or ask the operator',
    fr: 'le serveur a échoué ou n’a pu être joint pour certaines API ; réessayez plus tard, ou demandez à l’opérateur',
  },
  'doctor.step.keychain': {
    en: 'Do what the Login fix above says: the keychain, not the password, is in the way.',
    fr: 'Faites ce que dit la correction de Connexion ci-dessus : c’est le trousseau, et non le mot de passe, qui bloque.',
  },
} satisfies MessageTable;
