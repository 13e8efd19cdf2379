import type { MessageTable } from '../catalog.js';

/** `espace config`: the user's defaults (language, pager, plain layout, colour). */
export const configMessages = {
  'config.description': {
    en: 'read and change your defaults (language, pager, plain layout, colour)',
    fr: 'lire et modifier vos préférences (langue, pager, présentation simple, couleur)',
  },
  'config.get.description': { en: 'print the value of one default', fr: 'afficher la valeur d’une préférence' },
  'config.set.description': {
    en: 'set a default; flags and environment variables still win',
    fr: 'définir une préférence ; les options et les variables d’environnement l’emportent toujours',
  },
  'config.list.description': { en: 'list every default, its value and the values it takes', fr: 'lister les préférences, leur valeur et les valeurs permises' },
  'config.unset.description': { en: 'remove a default, so espace’s own applies again', fr: 'retirer une préférence, pour revenir à celle d’espace' },
  'config.argument.key': { en: 'lang, pager, plain or color', fr: 'lang, pager, plain ou color' },
  'config.argument.value': { en: 'the new value', fr: 'la nouvelle valeur' },
  'config.unknownKey': {
    en: "'{key}' is not a setting espace knows. Settings: {keys}.",
    fr: '« {key} » n’est pas une préférence d’espace. Préférences : {keys}.',
  },
  'config.badValue': {
    en: "'{value}' is not a value of {key}. Allowed: {allowed}.",
    fr: '« {value} » n’est pas une valeur permise pour {key}. Valeurs permises : {allowed}.',
  },
  'config.badPager': { en: 'pager must be a command (for example "less -R") or off.', fr: 'pager doit être une commande (par exemple « less -R ») ou off.' },
  'config.pagerValues': { en: 'a command, or off', fr: 'une commande, ou off' },
  'config.notSet': {
    en: '{key} is not set; espace decides (see espace config list).',
    fr: '{key} n’est pas défini ; espace décide (voir espace config list).',
  },
  'config.saved': { en: '{key} = {value} saved in {path}.', fr: '{key} = {value} enregistré dans {path}.' },
  'config.removed': { en: '{key} removed from {path}.', fr: '{key} retiré de {path}.' },
  'config.wasNotSet': { en: '{key} was not set: nothing to remove.', fr: '{key} n’était pas défini : rien à retirer.' },
  'config.column.key': { en: 'Setting', fr: 'Préférence' },
  'config.column.value': { en: 'Value', fr: 'Valeur' },
  'config.column.allowed': { en: 'Allowed', fr: 'Valeurs permises' },
  'config.column.overridden': { en: 'Overridden by', fr: 'Remplacée par' },
  'config.unsetMark': { en: '(not set)', fr: '(non défini)' },
} satisfies MessageTable;
