/**
 * The TMF values espace shows in words: bill states (TMF678), ticket statuses and channels
 * (TMF621), payment states and channels (TMF676). See terms.ts for how they are shown and read.
 */
import { TICKET_STATUSES } from '../domain/ticket.js';
import type { Vocabulary } from './terms.js';

export const BILL_STATES = ['new', 'onHold', 'validated', 'sent', 'settled', 'partiallyPaid'] as const;
export type BillState = (typeof BILL_STATES)[number];

export const billStates: Vocabulary<BillState> = {
  values: BILL_STATES,
  key: (state) => `bill.state.${state}`,
  synonyms: { sent: ['unpaid', 'impayée', 'émise'], settled: ['settled', 'payée', 'réglée'] },
};

export const ticketStatuses: Vocabulary<(typeof TICKET_STATUSES)[number]> = {
  values: TICKET_STATUSES,
  key: (status) => `ticket.status.${status}`,
  synonyms: {
    acknowledged: ['reçue'],
    held: ['suspendue'],
    resolved: ['résolue'],
    closed: ['fermée'],
    rejected: ['refusée'],
    cancelled: ['annulée', 'canceled'],
  },
};

export const TICKET_CHANNELS = ['selfService', 'chat', 'phone', 'email', 'store'] as const;
export const ticketChannels: Vocabulary<(typeof TICKET_CHANNELS)[number]> = {
  values: TICKET_CHANNELS,
  key: (channel) => `terms.ticketChannel.${channel}`,
};

export const PAYMENT_CHANNELS = ['preAuthorized', 'online', 'onlineBanking', 'phone'] as const;
export const paymentChannels: Vocabulary<(typeof PAYMENT_CHANNELS)[number]> = {
  values: PAYMENT_CHANNELS,
  key: (channel) => `terms.paymentChannel.${channel}`,
};

export const PAYMENT_STATES = ['succeeded', 'pending', 'authorized', 'failed', 'cancelled', 'rejected', 'refunded'] as const;
export const paymentStates: Vocabulary<(typeof PAYMENT_STATES)[number]> = {
  values: PAYMENT_STATES,
  key: (state) => `terms.paymentState.${state}`,
};

/** TMF622 ProductOrderStateType. */
export const ORDER_STATES = [
  'acknowledged',
  'inProgress',
  'pending',
  'held',
  'completed',
  'partial',
  'failed',
  'rejected',
  'cancelled',
  'assessingCancellation',
  'pendingCancellation',
] as const;
export const orderStates: Vocabulary<(typeof ORDER_STATES)[number]> = {
  values: ORDER_STATES,
  key: (state) => `terms.orderState.${state}`,
};
