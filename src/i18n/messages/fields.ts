import type { MessageTable } from '../catalog.js';

/** `--fields`: choosing the fields of JSON output. */
export const fieldsMessages = {
  'fields.option': {
    en: 'print JSON with only these top-level fields, comma-separated (implies --json)',
    fr: 'afficher le JSON avec seulement ces champs de premier niveau, séparés par des virgules (implique --json)',
  },
  'fields.empty': {
    en: '--fields needs at least one field name, for example --fields id,totalDue.',
    fr: '--fields demande au moins un nom de champ, par exemple --fields id,totalDue.',
  },
  'fields.unknown': {
    en: '{command} has no JSON field {fields}. Available fields: {available}.',
    fr: '{command} n’a pas de champ JSON {fields}. Champs disponibles : {available}.',
  },
  'fields.hint': { en: 'espace {command} --help lists its JSON fields.', fr: 'espace {command} --help liste ses champs JSON.' },
  'fields.help': { en: 'JSON fields (--json, or --fields to pick some):', fr: 'Champs JSON (--json, ou --fields pour en choisir) :' },
} satisfies MessageTable;
