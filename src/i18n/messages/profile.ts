import type { MessageTable } from '../catalog.js';

/** Messages of personal information: `profile show` and `profile set`. */
export const profileMessages = {
  'profile.description': {
    en: 'personal information: name, email, phone, mailing address, language',
    fr: 'renseignements personnels : nom, courriel, téléphone, adresse postale, langue',
  },
  'profile.show.description': { en: 'show the personal information of the account holder', fr: 'afficher les renseignements personnels du titulaire' },
  'profile.option.user': {
    en: 'whose profile (agents; customers see only their own), e.g. IND-1001',
    fr: 'le profil de qui (agents ; les clients ne voient que le leur), p. ex. IND-1001',
  },
  'profile.option.account': {
    en: "the profile of this billing account's holder (agents), e.g. BA-1001",
    fr: 'le profil du titulaire de ce compte de facturation (agents), p. ex. BA-1001',
  },
  'profile.userAndAccount': {
    en: '--user and --account both name whose profile to show: give one of them.',
    fr: '--user et --account désignent tous deux le profil à afficher : n’en donnez qu’un.',
  },
  'profile.noHolder': {
    en: 'account {account} names no holder, so there is no profile to show: check the account id, or ask support to fix the account.',
    fr: 'le compte {account} n’a pas de titulaire, il n’y a donc aucun profil à afficher : vérifiez le numéro de compte ou demandez au soutien de corriger le compte.',
  },
  'profile.set.description': {
    en: 'change personal information (checked first, address validated by the operator, confirmed before saving)',
    fr: 'modifier les renseignements personnels (vérifiés d’abord, adresse validée par l’opérateur, confirmés avant l’enregistrement)',
  },
  'profile.set.option.givenName': { en: 'given name', fr: 'prénom' },
  'profile.set.option.familyName': { en: 'family name', fr: 'nom de famille' },
  'profile.set.option.email': { en: 'email address', fr: 'adresse courriel' },
  'profile.set.option.phone': { en: 'Canadian phone number, e.g. "514 555-0199"', fr: 'numéro de téléphone canadien, p. ex. « 514 555-0199 »' },
  'profile.set.option.street': {
    en: 'street line of the mailing address, e.g. "1234, rue Saint-Denis"',
    fr: 'ligne de rue de l’adresse postale, p. ex. « 1234, rue Saint-Denis »',
  },
  'profile.set.option.city': { en: 'city of the mailing address', fr: 'ville de l’adresse postale' },
  'profile.set.option.province': { en: 'province or territory code, e.g. QC', fr: 'code de province ou de territoire, p. ex. QC' },
  'profile.set.option.postalCode': { en: 'postal code, A1A 1A1', fr: 'code postal, A1A 1A1' },
  'profile.set.option.language': { en: 'preferred language: en or fr', fr: 'langue préférée : en ou fr' },
  'profile.set.option.yes': { en: 'save without asking for confirmation', fr: 'enregistrer sans demander de confirmation' },

  'profile.field.name': { en: 'Name', fr: 'Nom' },
  'profile.field.email': { en: 'Email', fr: 'Courriel' },
  'profile.field.phone': { en: 'Phone', fr: 'Téléphone' },
  'profile.field.address': { en: 'Mailing address', fr: 'Adresse postale' },
  'profile.field.language': { en: 'Language', fr: 'Langue' },
  'profile.language.en': { en: 'English', fr: 'anglais' },
  'profile.language.fr': { en: 'French', fr: 'français' },

  'profile.prompt.givenName': { en: 'Given name', fr: 'Prénom' },
  'profile.prompt.familyName': { en: 'Family name', fr: 'Nom de famille' },
  'profile.prompt.email': { en: 'Email', fr: 'Courriel' },
  'profile.prompt.phone': { en: 'Phone', fr: 'Téléphone' },
  'profile.prompt.street': { en: 'Street (mailing address)', fr: 'Rue (adresse postale)' },
  'profile.prompt.city': { en: 'City', fr: 'Ville' },
  'profile.prompt.province': { en: 'Province (code)', fr: 'Province (code)' },
  'profile.prompt.postalCode': { en: 'Postal code', fr: 'Code postal' },
  'profile.prompt.language': { en: 'Language (en or fr)', fr: 'Langue (en ou fr)' },

  'profile.invalid.name': {
    en: '{flag}: "{value}" is not a valid name (1–60 letters; spaces, hyphens, apostrophes allowed).',
    fr: '{flag} : « {value} » n’est pas un nom valide (1 à 60 lettres ; espaces, traits d’union et apostrophes permis).',
  },
  'profile.invalid.email': { en: '{flag}: "{value}" is not a valid email address.', fr: '{flag} : « {value} » n’est pas une adresse courriel valide.' },
  'profile.invalid.phone': {
    en: '{flag}: "{value}" is not a valid Canadian phone number (10 digits with the area code, e.g. 514 555-0199).',
    fr: '{flag} : « {value} » n’est pas un numéro de téléphone canadien valide (10 chiffres avec l’indicatif régional, p. ex. 514 555-0199).',
  },
  'profile.invalid.street': { en: '{flag}: "{value}" is not a street line.', fr: '{flag} : « {value} » n’est pas une ligne de rue.' },
  'profile.invalid.city': { en: '{flag}: "{value}" is not a city name.', fr: '{flag} : « {value} » n’est pas un nom de ville.' },
  'profile.invalid.province': {
    en: '{flag}: "{value}" is not a Canadian province or territory code ({provinces}).',
    fr: '{flag} : « {value} » n’est pas un code de province ou de territoire canadien ({provinces}).',
  },
  'profile.invalid.postalCode': {
    en: '{flag}: "{value}" is not a Canadian postal code (format A1A 1A1).',
    fr: '{flag} : « {value} » n’est pas un code postal canadien (format A1A 1A1).',
  },
  'profile.invalid.language': {
    en: '{flag}: "{value}" is not a language espace speaks (en or fr).',
    fr: '{flag} : « {value} » n’est pas une langue d’espace (en ou fr).',
  },
  'profile.invalid.postalProvince': {
    en: '--postal-code: {postalCode} is not a postal code of {province} (--province).',
    fr: '--postal-code : {postalCode} n’est pas un code postal de la province {province} (--province).',
  },

  'profile.address.incomplete': {
    en: 'there is no current mailing address to complete: give --street, --city, --province and --postal-code.',
    fr: 'il n’y a pas d’adresse postale actuelle à compléter : donnez --street, --city, --province et --postal-code.',
  },
  'profile.address.refused': { en: 'the operator could not validate the address: {problems}', fr: 'l’opérateur n’a pas pu valider l’adresse : {problems}' },
  'profile.address.partial': {
    en: 'the address is not exactly right: {problems}. Did you mean {suggestion}? Pass the corrected values.',
    fr: 'l’adresse n’est pas tout à fait exacte : {problems}. Vouliez-vous dire {suggestion} ? Passez les valeurs corrigées.',
  },
  'profile.address.partialNote': { en: 'The address is not exactly right: {problems}', fr: 'L’adresse n’est pas tout à fait exacte : {problems}' },
  'profile.address.useSuggestion': { en: 'Use {suggestion} instead?', fr: 'Utiliser plutôt {suggestion} ?' },

  'profile.set.nothing': {
    en: 'nothing to change and no terminal to ask on: pass at least one of --given-name, --family-name, --email, --phone, --street, --city, --province, --postal-code, --language.',
    fr: 'rien à changer et aucun terminal pour demander : passez au moins une de --given-name, --family-name, --email, --phone, --street, --city, --province, --postal-code, --language.',
  },
  'profile.set.unchanged': { en: 'Nothing changes: the values are the current ones.', fr: 'Rien ne change : ce sont les valeurs actuelles.' },
  'profile.set.preview': { en: 'Changes (before → after):', fr: 'Modifications (avant → après) :' },
  'profile.set.confirm': { en: 'Save these changes?', fr: 'Enregistrer ces modifications ?' },
  'profile.set.done': { en: 'Profile updated.', fr: 'Profil mis à jour.' },
  'profile.set.option.unit': {
    en: 'apartment or unit of the mailing address, e.g. 5 (kept when only the street changes)',
    fr: 'appartement ou unité de l’adresse postale, p. ex. 5 (gardé quand seule la rue change)',
  },
  'profile.set.option.noUnit': { en: 'the mailing address has no apartment or unit', fr: 'l’adresse postale n’a ni appartement ni unité' },
  'profile.prompt.unit': { en: 'Apartment or unit (mailing address)', fr: 'Appartement ou unité (adresse postale)' },
  'profile.invalid.unit': {
    en: '{flag}: "{value}" is not an apartment or unit number (letters and digits, at most 10, e.g. 5 or 12B).',
    fr: '{flag} : « {value} » n’est pas un numéro d’appartement ou d’unité (lettres et chiffres, au plus 10, p. ex. 5 ou 12B).',
  },
  'profile.unitLine': { en: 'Apt {unit}', fr: 'App. {unit}' },
} satisfies MessageTable;
