/**
 * How to reach the operator outside espace: support channels with their hours, and where to send
 * a payment by mail or by phone. One table, so that `pay --help`, `support contact`, `doctor` and
 * the README say the same thing. The numbers are in the 555 fiction range and the addresses are
 * the sandbox operator's: a deployment against a real backend replaces this module.
 */
import type { Lang } from '../i18n/catalog.js';

export type Localized = Readonly<Record<Lang, string>>;

export interface SupportChannel {
  readonly id: 'phone' | 'phoneBilling' | 'email' | 'chat';
  readonly label: Localized;
  /** A phone number, an email address, or the command that opens the channel. */
  readonly value: string;
  readonly hours: Localized;
}

export const SUPPORT_CHANNELS: readonly SupportChannel[] = [
  {
    id: 'phone',
    label: { en: 'Customer service (phone)', fr: 'Service à la clientèle (téléphone)' },
    value: '1 888 555-0100',
    hours: { en: 'Every day, 8 a.m. to 9 p.m. (Eastern time)', fr: 'Tous les jours, de 8 h à 21 h (heure de l’Est)' },
  },
  {
    id: 'phoneBilling',
    label: { en: 'Payment by phone (automated, 24/7)', fr: 'Paiement par téléphone (automatisé, 24 h sur 24)' },
    value: '1 888 555-0199',
    hours: { en: 'Every day, 24 hours; an agent from 8 a.m. to 9 p.m.', fr: 'Tous les jours, 24 h sur 24; un agent de 8 h à 21 h' },
  },
  {
    id: 'email',
    label: { en: 'Email', fr: 'Courriel' },
    value: 'soutien@espace.example',
    hours: { en: 'Answered within one business day', fr: 'Réponse en un jour ouvrable' },
  },
  {
    id: 'chat',
    label: { en: 'Live chat', fr: 'Clavardage' },
    value: 'espace support chat',
    hours: { en: 'Monday to Friday, 8 a.m. to 8 p.m.; weekends 9 a.m. to 5 p.m.', fr: 'Du lundi au vendredi, de 8 h à 20 h; la fin de semaine, de 9 h à 17 h' },
  },
];

/** Where cheques and money orders go; the account number must be written on the cheque. */
export const REMITTANCE_ADDRESS = {
  payee: 'Espace Télécom inc.',
  lines: ['C.P. 11500, succursale Centre-ville', 'Montréal (Québec)  H3C 5V2'],
  note: {
    en: 'Make the cheque or money order payable to Espace Télécom inc. and write your account number on it. Allow 5 business days.',
    fr: 'Libellez le chèque ou le mandat à l’ordre d’Espace Télécom inc. et inscrivez-y votre numéro de compte. Prévoyez 5 jours ouvrables.',
  },
} as const;

/** The mail-in remittance, one line each: the payee, the address, then the note in `lang`. */
export function remittanceLines(lang: Lang): string[] {
  return [REMITTANCE_ADDRESS.payee, ...REMITTANCE_ADDRESS.lines, REMITTANCE_ADDRESS.note[lang]];
}
