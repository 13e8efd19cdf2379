import type { MessageTable } from '../catalog.js';

/** Messages of credential storage: the OS keychain, the `--insecure-storage` file. */
export const authMessages = {
  'auth.keychainUnavailable': {
    en: 'could not reach the OS keychain: {reason}.',
    fr: 'impossible de joindre le trousseau du système : {reason}.',
  },
  'auth.keychainUnavailableHint': {
    en: 'Log in with --insecure-storage to keep the token in a file only you can read (mode 0600), or set ESPACE_TOKEN, or unlock or start your keyring (gnome-keyring, KWallet…).',
    fr: 'Connectez-vous avec --insecure-storage pour garder le jeton dans un fichier que vous seul pouvez lire (mode 0600), ou définissez ESPACE_TOKEN, ou déverrouillez ou démarrez votre trousseau (gnome-keyring, KWallet…).',
  },
  'auth.keychainReason.noSession': {
    en: 'there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)',
    fr: 'il n’y a pas de bus de session D-Bus (DBUS_SESSION_BUS_ADDRESS n’est pas défini)',
  },
  'auth.keychainReason.busUnreachable': {
    en: 'the D-Bus session bus cannot be reached ({detail})',
    fr: 'le bus de session D-Bus est injoignable ({detail})',
  },
  'auth.keychainReason.noService': {
    en: 'no Secret Service (such as gnome-keyring or KWallet) is running',
    fr: 'aucun service de secrets (comme gnome-keyring ou KWallet) n’est en marche',
  },
  'auth.keychainReason.locked': {
    en: 'the keyring is locked or access was refused ({detail})',
    fr: 'le trousseau est verrouillé ou l’accès a été refusé ({detail})',
  },
  'auth.keychainReason.noReply': {
    en: 'the Secret Service did not answer',
    fr: 'le service de secrets n’a pas répondu',
  },
  'auth.keychainReason.timeout': {
    en: 'no answer within {ms} ms',
    fr: 'aucune réponse en {ms} ms',
  },
  'auth.keychainReason.moduleMissing': {
    en: 'the keychain module could not be loaded ({detail})',
    fr: 'le module du trousseau n’a pas pu être chargé ({detail})',
  },
  'auth.keychainReason.other': { en: '{detail}', fr: '{detail}' },
  'auth.keychainFailed': {
    en: 'the OS keychain refused the operation on the login of context {account}: {detail}.',
    fr: 'le trousseau du système a refusé l’opération sur la connexion du contexte {account} : {detail}.',
  },
  'auth.keychainTimeoutInvalid': {
    en: "ESPACE_KEYCHAIN_TIMEOUT_MS must be a whole number of milliseconds greater than 0, not '{value}'.",
    fr: 'ESPACE_KEYCHAIN_TIMEOUT_MS doit être un nombre entier de millisecondes plus grand que 0, et non « {value} ».',
  },
  'auth.keychainEntryCorrupt': {
    en: "the OS keychain entry of context {account} (service 'espace', account '{account}') is not a valid espace login: {problem}.",
    fr: 'l’entrée du trousseau du contexte {account} (service « espace », compte « {account} ») n’est pas une connexion espace valide : {problem}.',
  },
  'auth.corruptEntryHint': {
    en: "Remove it with 'espace auth logout --context {account}', then log in again.",
    fr: 'Supprimez-la avec « espace auth logout --context {account} », puis reconnectez-vous.',
  },
  'auth.credentialFileCorrupt': {
    en: 'the credential file {path} cannot be used: {problem}.',
    fr: 'le fichier d’identifiants {path} est inutilisable : {problem}.',
  },
  'auth.credentialFileCorruptHint': {
    en: 'Delete {path}, then log in again with --insecure-storage.',
    fr: 'Supprimez {path}, puis reconnectez-vous avec --insecure-storage.',
  },
  'auth.credentialFileEntryCorrupt': {
    en: 'the login of context {account} in {path} is not valid: {problem}.',
    fr: 'la connexion du contexte {account} dans {path} n’est pas valide : {problem}.',
  },
  'auth.credentialFilePermissions': {
    en: 'the credential file {path} can be accessed by other users (mode {mode}), so espace will not use it. Fix it with: chmod 600 {path}',
    fr: 'le fichier d’identifiants {path} est accessible à d’autres utilisateurs (mode {mode}) ; espace refuse donc de l’utiliser. Corrigez-le avec : chmod 600 {path}',
  },
  'auth.credentialDirPermissions': {
    en: 'the directory {path} that holds the credential file can be accessed by other users (mode {mode}), so espace will not use it. Fix it with: chmod 700 {path}',
    fr: 'le répertoire {path} qui contient le fichier d’identifiants est accessible à d’autres utilisateurs (mode {mode}) ; espace refuse donc de l’utiliser. Corrigez-le avec : chmod 700 {path}',
  },
  'auth.credentialPermissionsHint': {
    en: 'If someone else may have read it, log in again to replace the token.',
    fr: 'Si quelqu’un d’autre a pu le lire, reconnectez-vous pour remplacer le jeton.',
  },
  'auth.credentialFileReadFailed': {
    en: 'could not read the credential file {path}: {reason}.',
    fr: 'impossible de lire le fichier d’identifiants {path} : {reason}.',
  },
  'auth.credentialFileWriteFailed': {
    en: 'could not write the credential file {path}: {reason}. The previous file, if any, is unchanged.',
    fr: 'impossible d’écrire le fichier d’identifiants {path} : {reason}. Le fichier précédent, s’il existe, est intact.',
  },
} satisfies MessageTable;
