import type { MessageTable } from '../catalog.js';

/** `espace help exit-codes` and `espace help environment`. */
export const topicsMessages = {
  'topics.exit.description': { en: 'the exit codes and what each means', fr: 'les codes de sortie et leur sens' },
  'topics.exit.heading': { en: 'Exit codes of espace:', fr: 'Codes de sortie d’espace :' },
  'topics.exit.ok': { en: 'success', fr: 'succès' },
  'topics.exit.general': {
    en: 'error: the API refused or failed, the network failed, something was not found',
    fr: 'erreur : l’API a refusé ou échoué, le réseau a failli, quelque chose est introuvable',
  },
  'topics.exit.usage': { en: 'usage error: a bad command, flag or value; nothing was sent', fr: 'erreur d’utilisation : commande, option ou valeur invalide; rien n’a été envoyé' },
  'topics.exit.partial': { en: 'some items of a bulk run failed (the others succeeded)', fr: 'certains éléments d’un traitement par lots ont échoué (les autres ont réussi)' },
  'topics.exit.auth': { en: 'not logged in, session expired, or not allowed', fr: 'non connecté, session expirée, ou action non permise' },
  'topics.exit.paymentUnknown': {
    en: 'a payment’s outcome is unknown: reconcile with the idempotency key shown before paying again',
    fr: 'l’issue d’un paiement est inconnue : vérifiez avec la clé d’idempotence affichée avant de payer de nouveau',
  },
  'topics.exit.cancelled': { en: 'cancelled (Ctrl-C, or a declined confirmation)', fr: 'annulé (Ctrl-C, ou confirmation refusée)' },
  'topics.env.description': { en: 'the environment variables espace reads', fr: 'les variables d’environnement lues par espace' },
  'topics.env.heading': { en: 'Environment variables (a flag wins over the environment, which wins over the config):', fr: 'Variables d’environnement (une option l’emporte sur l’environnement, qui l’emporte sur la configuration) :' },
  'topics.env.token': { en: 'access token to use; never stored (CI, scripts)', fr: 'jeton d’accès à utiliser; jamais conservé (CI, scripts)' },
  'topics.env.clientId': { en: 'client id for the client-credentials grant (CI), with ESPACE_CLIENT_SECRET', fr: 'identifiant de client pour l’octroi client-credentials (CI), avec ESPACE_CLIENT_SECRET' },
  'topics.env.clientSecret': { en: 'client secret for the client-credentials grant; never stored', fr: 'secret de client pour l’octroi client-credentials; jamais conservé' },
  'topics.env.context': { en: 'context to use (like --context)', fr: 'contexte à utiliser (comme --context)' },
  'topics.env.apiUrl': { en: 'API base URL (like --api-url)', fr: 'URL de base de l’API (comme --api-url)' },
  'topics.env.lang': { en: 'language: en or fr (like --lang)', fr: 'langue : en ou fr (comme --lang)' },
  'topics.env.configDir': { en: 'configuration directory (contexts, credential file)', fr: 'répertoire de configuration (contextes, fichier d’identifiants)' },
  'topics.env.dataDir': { en: 'data directory (the local sandbox’s database)', fr: 'répertoire de données (base du bac à sable local)' },
  'topics.env.keychainTimeout': { en: 'how long a keychain call may take, in milliseconds (default 5000)', fr: 'durée permise d’un appel au trousseau, en millisecondes (5000 par défaut)' },
  'topics.env.noColor': { en: 'no colours when set (like --no-color)', fr: 'sans couleurs si définie (comme --no-color)' },
  'topics.env.forceColor': { en: 'colours even when not writing to a terminal', fr: 'couleurs même hors d’un terminal' },
  'topics.env.locale': { en: 'language when neither --lang nor ESPACE_LANG is given', fr: 'langue si ni --lang ni ESPACE_LANG ne sont donnés' },
  'topics.env.xdg': { en: 'base directories for configuration and data (Linux, macOS)', fr: 'répertoires de base de la configuration et des données (Linux, macOS)' },
  'topics.env.dbus': { en: 'the D-Bus session that reaches the keychain (Linux)', fr: 'la session D-Bus qui donne accès au trousseau (Linux)' },
  'topics.env.extraCa': { en: 'extra trusted certificate authorities (a staging API with a private CA)', fr: 'autorités de certification supplémentaires (API de préproduction à AC privée)' },
} satisfies MessageTable;
