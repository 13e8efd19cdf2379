import type { MessageTable } from '../catalog.js';

/** The HTTP client's bounds: deadlines, answer sizes, Retry-After, and the settings behind them. */
export const netMessages = {
  'net.deadline': {
    en: '{method} {path} did not complete within its {seconds} s deadline (headers and the whole answer, over all attempts; request {requestId}).',
    fr: '{method} {path} ne s’est pas terminée dans son délai de {seconds} s (en-têtes et réponse entière, toutes tentatives comprises ; requête {requestId}).',
  },
  'net.deadlineHint': {
    en: 'If the server is just slow, raise the deadline: --timeout {seconds}, ESPACE_TIMEOUT={seconds}, or a context’s timeout (espace context add NAME --url URL --timeout {seconds}).',
    fr: 'Si le serveur est seulement lent, allongez le délai : --timeout {seconds}, ESPACE_TIMEOUT={seconds}, ou le délai d’un contexte (espace context add NOM --url URL --timeout {seconds}).',
  },
  'net.responseTooLarge': {
    en: 'the answer to {method} {url} is larger than {mb} MB; espace stopped reading it (request {requestId}).',
    fr: 'la réponse à {method} {url} dépasse {mb} Mo ; espace a cessé de la lire (requête {requestId}).',
  },
  'net.responseTooLargeHint': {
    en: 'If such an answer is expected, raise the limit with ESPACE_MAX_RESPONSE_MB (in MB).',
    fr: 'Si une telle réponse est attendue, relevez la limite avec ESPACE_MAX_RESPONSE_MB (en Mo).',
  },
  'net.retryAt': {
    en: 'The server asks to wait {seconds} s: try again at {at} or later.',
    fr: 'Le serveur demande d’attendre {seconds} s : réessayez à {at} ou plus tard.',
  },
  'net.badTimeout': {
    en: 'the deadline from {source} must be a number of seconds greater than 0 (at most 86400), got "{value}".',
    fr: 'le délai donné par {source} doit être un nombre de secondes supérieur à 0 (au plus 86400), reçu « {value} ».',
  },
  'net.badMaxResponse': {
    en: 'ESPACE_MAX_RESPONSE_MB must be a number of megabytes greater than 0, got "{value}".',
    fr: 'ESPACE_MAX_RESPONSE_MB doit être un nombre de mégaoctets supérieur à 0, reçu « {value} ».',
  },
  'program.timeout': {
    en: 'deadline of each API request in seconds, headers and whole answer (default 30; also ESPACE_TIMEOUT)',
    fr: 'délai de chaque requête à l’API en secondes, en-têtes et réponse entière (30 par défaut ; aussi ESPACE_TIMEOUT)',
  },
  'net.env.timeout': {
    en: 'the deadline of each API request in seconds, headers and whole answer (like --timeout; default 30)',
    fr: 'le délai de chaque requête à l’API en secondes, en-têtes et réponse entière (comme --timeout ; 30 par défaut)',
  },
  'net.env.maxResponse': {
    en: 'the largest API answer read, in MB (default 64)',
    fr: 'la plus grande réponse de l’API lue, en Mo (64 par défaut)',
  },
} satisfies MessageTable;
