import type { MessageTable } from '../catalog.js';

/** `espace api`: raw TMF requests. */
export const rawApiMessages = {
  'rawApi.description': {
    en: 'send an authenticated request to the API and print the JSON answer (like gh api)',
    fr: 'envoyer une requête authentifiée à l’API et afficher la réponse JSON (comme gh api)',
  },
  'rawApi.argument.method': { en: 'GET, POST, PATCH, PUT or DELETE', fr: 'GET, POST, PATCH, PUT ou DELETE' },
  'rawApi.argument.path': { en: 'path below the API URL, e.g. /tmf-api/…/customerBill', fr: 'chemin sous l’URL de l’API, p. ex. /tmf-api/…/customerBill' },
  'rawApi.option.field': {
    en: 'parameter with a JSON-typed value (true, false, null, numbers); repeatable',
    fr: 'paramètre à valeur typée JSON (true, false, null, nombres) ; répétable',
  },
  'rawApi.option.rawField': { en: 'parameter with a string value; repeatable', fr: 'paramètre à valeur texte ; répétable' },
  'rawApi.option.header': { en: 'extra request header; repeatable', fr: 'en-tête de requête supplémentaire ; répétable' },
  'rawApi.option.input': { en: 'JSON request body from a file, or - for stdin', fr: 'corps JSON de la requête depuis un fichier, ou - pour l’entrée standard' },
  'rawApi.option.paginate': {
    en: 'follow offset/limit through every page and print one array',
    fr: 'suivre offset/limit sur toutes les pages et afficher un seul tableau',
  },
  'rawApi.option.include': { en: 'print the HTTP status and response headers first', fr: 'afficher d’abord le statut HTTP et les en-têtes de réponse' },
  'rawApi.badMethod': { en: 'unknown method "{method}": use one of {methods}.', fr: 'méthode inconnue « {method} » : utilisez {methods}.' },
  'rawApi.badPath': {
    en: 'the path "{path}" must start with / and is relative to the API URL (full URLs are refused so that the token never goes elsewhere).',
    fr: 'le chemin « {path} » doit commencer par / et est relatif à l’URL de l’API (les URL complètes sont refusées pour que le jeton n’aille jamais ailleurs).',
  },
  'rawApi.badPair': { en: '{flag} expects key{separator}value, got "{value}".', fr: '{flag} attend clé{separator}valeur, reçu « {value} ».' },
  'rawApi.badHeader': {
    en: 'invalid header "{value}": expected name:value on one line.',
    fr: 'en-tête invalide « {value} » : attendu nom:valeur sur une ligne.',
  },
  'rawApi.paginateGetOnly': { en: '--paginate works only with GET.', fr: '--paginate ne fonctionne qu’avec GET.' },
  'rawApi.inputNotForGet': {
    en: '--input sends a body, which GET does not take: use --field for query parameters.',
    fr: '--input envoie un corps, ce que GET n’accepte pas : utilisez --field pour les paramètres.',
  },
  'rawApi.inputAndFields': {
    en: 'give the body either with --input or with --field/--raw-field, not both.',
    fr: 'donnez le corps soit avec --input, soit avec --field/--raw-field, pas les deux.',
  },
  'rawApi.inputUnreadable': { en: 'cannot read {file}: {reason}.', fr: 'impossible de lire {file} : {reason}.' },
  'rawApi.inputNotJson': { en: 'the body from {file} is not valid JSON.', fr: 'le corps fourni par {file} n’est pas du JSON valide.' },
  'rawApi.notAList': {
    en: '--paginate needs a list, but {path} did not answer a JSON array.',
    fr: '--paginate demande une liste, mais {path} n’a pas répondu un tableau JSON.',
  },
  'rawApi.option.maxPages': {
    en: 'with --paginate, read at most this many pages (default 1000)',
    fr: 'avec --paginate, lire au plus ce nombre de pages (1000 par défaut)',
  },
  'rawApi.option.maxItems': {
    en: 'with --paginate, keep at most this many items (default 100000)',
    fr: 'avec --paginate, garder au plus ce nombre d’éléments (100000 par défaut)',
  },
  'rawApi.badBound': {
    en: '{flag} expects a whole number of at least 1, got "{value}".',
    fr: '{flag} attend un nombre entier d’au moins 1, reçu « {value} ».',
  },
  'rawApi.stoppedAtPages': {
    en: '--paginate stopped after {maxPages} pages ({items} items) although the server said there was more; the output is incomplete. Raise --max-pages, or continue with --field offset={offset}.',
    fr: '--paginate s’est arrêté après {maxPages} pages ({items} éléments) bien que le serveur en annonçait davantage ; la sortie est incomplète. Augmentez --max-pages, ou continuez avec --field offset={offset}.',
  },
  'rawApi.stoppedAtItems': {
    en: '--paginate stopped at {maxItems} items ({pages} pages) although the server said there was more; the output is incomplete. Raise --max-items, or continue with --field offset={offset}.',
    fr: '--paginate s’est arrêté à {maxItems} éléments ({pages} pages) bien que le serveur en annonçait davantage ; la sortie est incomplète. Augmentez --max-items, ou continuez avec --field offset={offset}.',
  },
  'rawApi.stoppedAtBytes': {
    en: '--paginate stopped after {pages} pages ({items} items): the pages together passed {mb} MB, the bound of one answer; the output is incomplete. Raise ESPACE_MAX_RESPONSE_MB, or continue with --field offset={offset}.',
    fr: '--paginate s’est arrêté après {pages} pages ({items} éléments) : les pages dépassaient ensemble {mb} Mo, la limite d’une réponse ; la sortie est incomplète. Augmentez ESPACE_MAX_RESPONSE_MB, ou continuez avec --field offset={offset}.',
  },
  'rawApi.inputTooLarge': {
    en: 'the body from {file} is larger than {mb} MB: --input takes one request body.',
    fr: 'le corps fourni par {file} dépasse {mb} Mo : --input prend le corps d’une seule requête.',
  },
} satisfies MessageTable;
