/**
 * The read commands that offer bulk mode (`--accounts-from`). Wiring another one takes one line
 * here — its name and where its lookup lives — and `addBulkOptions` + `bulkable` where the
 * command is registered. A lookup is `(account, options, { api, t, locale }) → data`: what the
 * command's `--json` output would be for that one account.
 */
import type { BulkCommand } from '../../bulk/types.js';

export const BULK_COMMANDS = {
  'bill show': () => import('../commands/bill/bulk.js').then((module) => module.billShowBulk),
  'bill list': () => import('../commands/bill/bulk.js').then((module) => module.billListBulk),
  'account show': () => import('../commands/account/summary.js').then((module) => module.accountShowBulk),
  'payment list': () => import('../commands/payment/list.js').then((module) => module.paymentListBulk),
  'plan show': () => import('../commands/plan/show.js').then((module) => module.planShowBulk),
  'usage show': () => import('../commands/usage/show.js').then((module) => module.usageShowBulk),
  'ticket list': () => import('../commands/ticket/list.js').then((module) => module.ticketListBulk),
  'profile show': () => import('../commands/profile/show.js').then((module) => module.profileShowBulk),
} satisfies Record<string, () => Promise<BulkCommand<never>>>;

export type BulkCommandName = keyof typeof BULK_COMMANDS;
