import type { Money } from './money.js';

/** A billing account as the CLI shows it. */
export interface Account {
  readonly id: string;
  readonly name: string;
  readonly holder?: string;
  readonly state?: string;
  readonly paymentStatus?: string;
  /** What is owed now, when the server says. */
  readonly balance?: Money;
  readonly overdue?: Money;
}
