/**
 * The one message catalog: every sentence a user reads, in English and Canadian French.
 *
 * Each area keeps its table in `messages/<area>.ts`; this module merges them so that a key is
 * looked up in one place and a test can check that every key has both languages and the same
 * placeholders. The bundle replaces this module by area-catalog.ts over the same tables, split per
 * area and language (scripts/build/catalog.mjs): keep the two modules' functions alike.
 */
import { apiMapMessages } from './messages/api-map.js';
import { authMessages } from './messages/auth.js';
import { billMessages } from './messages/bill.js';
import { billExplainMessages } from './messages/bill-explain.js';
import { bulkMessages } from './messages/bulk.js';
import { coreMessages } from './messages/core.js';
import { paymentMessages } from './messages/payment.js';
import { profileMessages } from './messages/profile.js';
import { completionMessages } from './messages/completion.js';
import { contactMessages } from './messages/contact.js';
import { doctorMessages } from './messages/doctor.js';
import { outageMessages } from './messages/outage.js';
import { rawApiMessages } from './messages/raw-api.js';
import { sandboxMessages } from './messages/sandbox.js';
import { securityMessages } from './messages/security.js';
import { sessionMessages } from './messages/session.js';
import { planMessages } from './messages/plan.js';
import { usageMessages } from './messages/usage.js';
import { ticketMessages } from './messages/ticket.js';
import { chatMessages } from './messages/chat.js';
import { topicsMessages } from './messages/topics.js';
import { netMessages } from './messages/net.js';
import { valuesMessages } from './messages/values.js';
import { serverMessages } from './messages/server.js';
import { commanderMessages } from './messages/commander.js';
import { termsMessages } from './messages/terms.js';
import { configMessages } from './messages/config.js';
import { manMessages } from './messages/man.js';
import { fieldsMessages } from './messages/fields.js';
import { fillPlaceholders } from './fill.js';

export type Lang = 'en' | 'fr';

/** A message in both languages; `{name}` placeholders are filled from params. */
export interface Message {
  en: string;
  fr: string;
}

export type MessageTable = Record<string, Message>;

export const catalog = {
  ...coreMessages,
  ...authMessages,
  ...billMessages,
  ...billExplainMessages,
  ...bulkMessages,
  ...sandboxMessages,
  ...sessionMessages,
  ...paymentMessages,
  ...planMessages,
  ...usageMessages,
  ...profileMessages,
  ...securityMessages,
  ...ticketMessages,
  ...chatMessages,
  ...outageMessages,
  ...contactMessages,
  ...doctorMessages,
  ...completionMessages,
  ...topicsMessages,
  ...rawApiMessages,
  ...netMessages,
  ...valuesMessages,
  ...serverMessages,
  ...apiMapMessages,
  ...commanderMessages,
  ...termsMessages,
  ...configMessages,
  ...manMessages,
  ...fieldsMessages,
} satisfies MessageTable;

export type MessageKey = keyof typeof catalog;
export type MessageParams = Record<string, string | number>;

/**
 * Renders a catalog message; unknown placeholders are left visible so that a bug shows, and line
 * breaks in a parameter become spaces (see fillPlaceholders).
 */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return fillPlaceholders(catalog[key][lang], params);
}

/** Whether the catalog has a message of that key. */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalog, key);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}
