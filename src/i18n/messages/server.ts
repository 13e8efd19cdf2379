import type { MessageTable } from '../catalog.js';

/** What espace says when a server does not filter, sort or page as it was asked. */
export const serverMessages = {
  'server.ignoredFilter': {
    en: 'the server ignored the {filter} filter on {resource}; filtering here.',
    fr: 'le serveur a ignoré le filtre {filter} sur {resource} ; espace filtre lui-même.',
  },
  'server.listCeiling': {
    en: 'stopped reading {resource} after {items} items in {requests} requests: the list shown may be incomplete.',
    fr: 'lecture de {resource} arrêtée après {items} éléments en {requests} requêtes : la liste affichée peut être incomplète.',
  },
  'server.repeatedPage': {
    en: 'the server repeats itself: the {resource} page at offset {offset} of {url} holds only items already read (it seems to ignore "offset"); stopped rather than loop (request {requestId}).',
    fr: 'le serveur se répète : la page de {resource} au décalage {offset} de {url} ne contient que des éléments déjà lus (il semble ignorer « offset ») ; lecture arrêtée plutôt que de boucler (requête {requestId}).',
  },
  'server.uncheckable': {
    en: "cannot check the server's answer: {resource} {id} has no {field}, so whether it matches {filter}={value} cannot be told; nothing shown rather than a guess.",
    fr: 'impossible de vérifier la réponse du serveur : {resource} {id} n’a pas de {field}, on ne peut donc pas savoir s’il correspond à {filter}={value} ; rien n’est affiché plutôt qu’une supposition.',
  },
} satisfies MessageTable;
