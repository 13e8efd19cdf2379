import type { MessageTable } from '../catalog.js';

/** The per-context API map (`context add --api-path`, `context set-api`, `context show`) and the context label. */
export const apiMapMessages = {
  'apiMap.unknownApi': {
    en: "'{name}' is not an API espace speaks; use one of: {names}.",
    fr: '« {name} » n’est pas une API que parle espace ; utilisez l’une de : {names}.',
  },
  'apiMap.badPath': {
    en: "'{path}' is not a base path for {api}: it starts with / and has no query (?), fragment (#), '..' or spaces, e.g. /tmf-api/troubleTicket/v4.",
    fr: '« {path} » n’est pas un chemin de base pour {api} : il commence par / et n’a ni requête (?), ni fragment (#), ni « .. », ni espaces, p. ex. /tmf-api/troubleTicket/v4.',
  },
  'apiMap.badAssignment': {
    en: "'{value}' is not API=PATH, e.g. troubleTicket=/tt/tmf-api/troubleTicket/v4.",
    fr: '« {value} » n’est pas de la forme API=CHEMIN, p. ex. troubleTicket=/tt/tmf-api/troubleTicket/v4.',
  },
  'apiMap.label.override': {
    en: 'custom URL from {source} (overrides context {name})',
    fr: 'URL personnalisée venant de {source} (remplace le contexte {name})',
  },
  'apiMap.add.option.apiPath': {
    en: 'where this server mounts an API, API=PATH (repeatable; the APIs: see espace context show)',
    fr: 'où ce serveur place une API, API=CHEMIN (répétable ; les API : voyez espace context show)',
  },
  'apiMap.setApi.description': {
    en: "set where a context's server mounts one API (its base path), or --reset it to the specification's",
    fr: 'indiquer où le serveur d’un contexte place une API (son chemin de base), ou la remettre (--reset) à celui de la spécification',
  },
  'apiMap.setApi.argument.api': {
    en: 'API name, e.g. troubleTicket, serviceProblem, productCatalog',
    fr: 'nom de l’API, p. ex. troubleTicket, serviceProblem, productCatalog',
  },
  'apiMap.setApi.argument.path': {
    en: 'base path below the context URL, e.g. /tmf-api/serviceProblem/v4',
    fr: 'chemin de base sous l’URL du contexte, p. ex. /tmf-api/serviceProblem/v4',
  },
  'apiMap.setApi.option.reset': { en: "go back to the specification's base path", fr: 'revenir au chemin de base de la spécification' },
  'apiMap.setApi.pathOrReset': {
    en: 'give the base path of {api}, or --reset to go back to {default}.',
    fr: 'donnez le chemin de base de {api}, ou --reset pour revenir à {default}.',
  },
  'apiMap.setApi.done': { en: 'Context {name}: {api} is at {url}.', fr: 'Contexte {name} : {api} est à {url}.' },
  'apiMap.setApi.builtIn': {
    en: "'{name}' is built in: the embedded sandbox mounts every API at its default path.",
    fr: '« {name} » est intégré : le bac à sable intégré place chaque API à son chemin par défaut.',
  },
  'apiMap.setApi.builtInHint': {
    en: 'For another server, add a context: espace context add NAME --url URL --api-path API=PATH',
    fr: 'Pour un autre serveur, ajoutez un contexte : espace context add NOM --url URL --api-path API=CHEMIN',
  },
  'apiMap.show.description': {
    en: 'show a context (the active one by default): its URL and where each API is',
    fr: 'afficher un contexte (l’actif par défaut) : son URL et l’emplacement de chaque API',
  },
  'apiMap.show.context': { en: 'Context: {label}', fr: 'Contexte : {label}' },
  'apiMap.show.url': { en: 'API URL: {url}', fr: 'URL de l’API : {url}' },
  'apiMap.show.description.line': { en: 'Description: {description}', fr: 'Description : {description}' },
  'apiMap.show.overridden': {
    en: "The context's API map does not apply to a custom URL: every API is at its default path.",
    fr: 'La carte des API du contexte ne s’applique pas à une URL personnalisée : chaque API est à son chemin par défaut.',
  },
  'apiMap.column.api': { en: 'API', fr: 'API' },
  'apiMap.column.path': { en: 'Base path', fr: 'Chemin de base' },
  'apiMap.column.url': { en: 'URL', fr: 'URL' },
  'apiMap.column.map': { en: 'APIs', fr: 'API' },
  'apiMap.mark.configured': { en: 'set', fr: 'modifié' },
  'apiMap.mark.default': { en: 'default', fr: 'par défaut' },
  'apiMap.list.allDefault': { en: 'default paths', fr: 'chemins par défaut' },
  'apiMap.list.mapped': { en: '{count} mapped: {apis}', fr: '{count} déplacée(s) : {apis}' },
} satisfies MessageTable;
