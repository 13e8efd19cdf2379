import type { MessageTable } from '../catalog.js';

/** `espace completion` and the hidden `espace __complete`. */
export const completionMessages = {
  'completion.description': {
    en: 'print the shell completion script (commands, flags, bill and ticket ids, contexts)',
    fr: 'afficher le script de complètement du shell (commandes, options, factures, billets, contextes)',
  },
  'completion.argument.shell': { en: 'bash, zsh or fish', fr: 'bash, zsh ou fish' },
  'completion.values.description': { en: 'values for completion scripts, one per line', fr: 'valeurs pour les scripts de complètement, une par ligne' },
  'completion.values.argument': { en: 'bill, ticket, context or account', fr: 'bill, ticket, context ou account' },
} satisfies MessageTable;
