/** Payments and saved payment methods, as the CLI shows them. */
import type { Money } from './money.js';

export interface Payment {
  readonly id: string;
  readonly accountId: string;
  readonly date: string;
  readonly amount: Money;
  readonly status: string;
  readonly channel?: string;
  readonly methodId?: string;
  readonly methodName?: string;
  /** The idempotency key the payment was made with, when the client sent one. */
  readonly correlatorId?: string;
  /** The bills it paid, and how much of each. */
  readonly bills: readonly { readonly billId: string; readonly amount: Money }[];
}

export interface PaymentMethod {
  readonly id: string;
  readonly kind: 'card' | 'bankAccount' | 'other';
  readonly name: string;
  readonly isDefault: boolean;
  readonly brand?: string;
  readonly lastFour?: string;
  /** YYYY-MM, cards only. */
  readonly expiry?: string;
}
