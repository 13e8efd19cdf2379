import type { MessageTable } from '../catalog.js';

/** `espace help exit-codes` and `espace help environment`. */
export const topicsMessages = {
  'topics.exit.description': { en: 'the exit codes and what each means', fr: 'les codes de sortie et leur sens' },
  'topics.exit.heading': { en: 'Exit codes of espace:', fr: 'Codes de sortie d’espace :' },
  'topics.exit.ok': { en: 'success', fr: 'succès' },
  'topics.exit.general': {
    en: 'error: the API refused or failed, the network failed, something was not found',
    fr: 'erreur : l’API a refusé ou échoué, le réseau a failli, quelque chose est introuvable',
  },
  'topics.exit.usage': {
    en: 'usage error: a bad command, flag or value; nothing was sent',
    fr: 'erreur d’utilisation : commande, option ou valeur invalide ; rien n’a été envoyé',
  },
  'topics.exit.partial': {
    en: 'some items of a bulk run failed (the others succeeded)',
    fr: 'certains éléments d’un traitement par lots ont échoué (les autres ont réussi)',
  },
  'topics.exit.auth': { en: 'not logged in, session expired, or not allowed', fr: 'non connecté, session expirée, ou action non permise' },
  'topics.exit.paymentUnknown': {
    en: 'a payment’s outcome is unknown: reconcile with the idempotency key shown before paying again',
    fr: 'l’issue d’un paiement est inconnue : vérifiez avec la clé d’idempotence affichée avant de payer de nouveau',
  },
  'topics.exit.cancelled': { en: 'cancelled (Ctrl-C, or a declined confirmation)', fr: 'annulé (Ctrl-C, ou confirmation refusée)' },
  'topics.env.description': { en: 'the environment variables espace reads', fr: 'les variables d’environnement lues par espace' },
  'topics.env.heading': {
    en: 'Environment variables (a flag wins over the environment, which wins over the config):',
    fr: 'Variables d’environnement (une option l’emporte sur l’environnement, qui l’emporte sur la configuration) :',
  },
  'topics.env.token': {
    en: 'a bearer token to use (never stored); wins over stored logins',
    fr: 'un jeton d’accès à utiliser (jamais conservé) ; l’emporte sur les connexions gardées',
  },
  'topics.env.clientId': {
    en: 'client credentials grant (CI), with ESPACE_CLIENT_SECRET (never stored)',
    fr: 'octroi par identifiants de client (CI), avec ESPACE_CLIENT_SECRET (jamais conservé)',
  },
  'topics.env.clientSecret': { en: 'the secret of ESPACE_CLIENT_ID (never stored)', fr: 'le secret d’ESPACE_CLIENT_ID (jamais conservé)' },
  'topics.env.context': { en: 'the context to use (like --context)', fr: 'le contexte à utiliser (comme --context)' },
  'topics.env.apiUrl': {
    en: 'the API base URL, overriding the context’s (like --api-url)',
    fr: 'l’URL de base de l’API, au lieu de celle du contexte (comme --api-url)',
  },
  'topics.env.lang': { en: 'en or fr (like --lang)', fr: 'en ou fr (comme --lang)' },
  'topics.env.configDir': {
    en: 'where the config (and an --insecure-storage credential file) lives; default $XDG_CONFIG_HOME/espace',
    fr: 'où vivent la configuration (et un fichier d’identifiants --insecure-storage) ; par défaut $XDG_CONFIG_HOME/espace',
  },
  'topics.env.sandboxPort': {
    en: 'port of the embedded sandbox on 127.0.0.1 when 8642 is taken (the sandbox context, sandbox start and demo follow it)',
    fr: 'port du bac à sable intégré sur 127.0.0.1 quand 8642 est pris (le contexte sandbox, sandbox start et demo le suivent)',
  },
  'topics.env.dataDir': {
    en: 'where data lives (the sandbox’s in sandbox/); default $XDG_DATA_HOME/espace',
    fr: 'où vivent les données (celles du bac à sable dans sandbox/) ; par défaut $XDG_DATA_HOME/espace',
  },
  'topics.env.keychainTimeout': { en: 'the keychain timeout in milliseconds (default 5000)', fr: 'le délai du trousseau en millisecondes (5000 par défaut)' },
  'topics.env.completionTimeout': {
    en: 'how long TAB waits for bill, ticket or account ids, in milliseconds (default 2500)',
    fr: 'attente maximale de TAB pour les identifiants de factures, billets ou comptes, en millisecondes (2500 par défaut)',
  },
  'topics.env.noColor': { en: 'colours off (like --no-color)', fr: 'couleurs désactivées (comme --no-color)' },
  'topics.env.forceColor': { en: 'colours on even when piped (0 or false: off)', fr: 'couleurs même quand la sortie est redirigée (0 ou false : désactivées)' },
  'topics.env.clicolorForce': { en: 'colours on even when piped, unless 0', fr: 'couleurs même quand la sortie est redirigée, sauf 0' },
  'topics.env.clicolor': { en: '0: colours off', fr: '0 : couleurs désactivées' },
  'topics.env.term': { en: 'dumb: colours off, plain layout (like --plain)', fr: 'dumb : couleurs désactivées, présentation simple (comme --plain)' },
  'topics.env.locale': {
    en: 'the language when neither --lang nor ESPACE_LANG says (fr_CA.UTF-8 → French)',
    fr: 'la langue si ni --lang ni ESPACE_LANG ne la donnent (fr_CA.UTF-8 → français)',
  },
  'topics.env.xdg': {
    en: 'base directories for configuration and data (Linux, macOS)',
    fr: 'répertoires de base de la configuration et des données (Linux, macOS)',
  },
  'topics.env.dbus': { en: 'the D-Bus session that reaches the keychain (Linux)', fr: 'la session D-Bus qui donne accès au trousseau (Linux)' },
  'topics.env.extraCa': {
    en: 'extra trusted certificate authorities (a staging API with a private CA)',
    fr: 'autorités de certification supplémentaires (API de préproduction à AC privée)',
  },
  'topics.env.sandboxClockPause': {
    en: 'milliseconds the sandbox program waits between the events of a clock advance (for tests; default 0)',
    fr: 'millisecondes d’attente du programme bac à sable entre les événements d’une avance d’horloge (pour les tests ; 0 par défaut)',
  },
  'topics.env.sandboxProfile': {
    en: 'profile of a sandbox started without --profile: default, or plain (a minimal TMF v4 server)',
    fr: 'profil d’un bac à sable démarré sans --profile : default, ou plain (un serveur TMF v4 minimal)',
  },
  'topics.env.plain': {
    en: 'not empty and not 0: plain layout for screen readers (like --plain)',
    fr: 'ni vide ni 0 : présentation simple pour lecteurs d’écran (comme --plain)',
  },
  'topics.env.espacePager': {
    en: 'the pager for long output on a terminal, before PAGER (empty or cat: none)',
    fr: 'le pager des longues sorties sur un terminal, avant PAGER (vide ou cat : aucun)',
  },
  'topics.env.pager': {
    en: 'the pager when ESPACE_PAGER is not set (default less -FRX)',
    fr: 'le pager quand ESPACE_PAGER n’est pas défini (par défaut less -FRX)',
  },
  'topics.env.columns': {
    en: 'the terminal’s width in columns, over what the terminal says (tables and text fit it)',
    fr: 'la largeur du terminal en colonnes, plutôt que celle qu’il annonce (tableaux et textes s’y ajustent)',
  },
} satisfies MessageTable;
