import type { MessageTable } from '../catalog.js';

/** `support contact`: the operator's channels and mail-in payment address. */
export const contactMessages = {
  'contact.description': {
    en: 'phone, email and chat channels with their hours, and the mail-in payment address',
    fr: 'téléphone, courriel et clavardage avec leurs heures, et l’adresse pour payer par la poste',
  },
  'contact.column.channel': { en: 'Channel', fr: 'Moyen' },
  'contact.column.reach': { en: 'Number, address or command', fr: 'Numéro, adresse ou commande' },
  'contact.column.hours': { en: 'Hours', fr: 'Heures' },
  'contact.mailIn': { en: 'Pay by mail:', fr: 'Payer par la poste :' },
} satisfies MessageTable;
