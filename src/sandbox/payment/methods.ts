/**
 * Saved payment methods (TMF670): tokenized cards and Canadian bank accounts for pre-authorized
 * debit. The full card number and the CVV never reach the database: a card is "tokenized" on
 * creation (a random token stands for it) and only brand, last four digits and expiry are kept
 * in clear. Tokens and bank account numbers are stored encrypted.
 */
import { randomBytes } from 'node:crypto';
import type { SandboxDatabase, Statement } from '../db.js';
import type { PaymentDataCipher } from './cipher.js';

export interface PaymentMethodRow {
  id: string;
  billingAccountId: string;
  kind: 'card' | 'bankAccount';
  name: string;
  brand: string | null;
  lastFour: string;
  expiry: string | null;
  institution: string | null;
  transit: string | null;
  holder: string | null;
  declines: number;
  status: 'active' | 'removed';
  createdAt: string;
}

export interface NewCard {
  billingAccountId: string;
  number: string;
  expiry: string;
  holder: string | null;
  name?: string;
}

export interface NewBankAccount {
  billingAccountId: string;
  institution: string;
  transit: string;
  account: string;
  holder: string | null;
  name?: string;
}

/** Card numbers the simulated issuer declines (the well-known test numbers). */
export const DECLINING_TEST_CARDS: ReadonlySet<string> = new Set(['4000000000000002', '4000000000009995']);

const COLUMNS = `id, billing_account_id AS billingAccountId, kind, name, brand, last_four AS lastFour, expiry,
  institution, transit, holder, declines, status, created_at AS createdAt`;

/** The brand a card number's prefix announces (IIN ranges of the major networks). */
export function cardBrand(number: string): string {
  if (/^4/.test(number)) return 'Visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'Mastercard';
  if (/^3[47]/.test(number)) return 'American Express';
  if (/^6(011|5)/.test(number)) return 'Discover';
  return 'Card';
}

/** Seeded methods: one per customer who pays by card or debit, and a card that declines. */
const SEEDED = [
  { id: 'PM-1001-1', account: 'BA-1001', card: '4242424242424242', expiry: '2029-08', holder: 'Marie Tremblay', name: 'Visa •••• 4242' },
  { id: 'PM-1001-2', account: 'BA-1001', card: '4000000000000002', expiry: '2028-03', holder: 'Marie Tremblay', name: 'Visa •••• 0002' },
  { id: 'PM-3001-1', account: 'BA-3001', card: '4000000000000002', expiry: '2027-11', holder: 'Luc Gagnon', name: 'Visa •••• 0002' },
] as const;
const SEEDED_BANK = [
  {
    id: 'PM-2001-1',
    account: 'BA-2001',
    institution: '004',
    transit: '12345',
    number: '1234567896789',
    holder: 'James Wilson',
    name: 'Pre-authorized debit – account •••• 6789',
  },
] as const;

export class PaymentMethodStore {
  readonly #db: SandboxDatabase;
  readonly #cipher: PaymentDataCipher;
  readonly #byId: Statement<[string], PaymentMethodRow>;
  readonly #byAccount: Statement<[string], PaymentMethodRow>;
  readonly #insert: Statement<Record<string, unknown>>;
  readonly #remove: Statement<[string]>;

  constructor(db: SandboxDatabase, cipher: PaymentDataCipher) {
    this.#db = db;
    this.#cipher = cipher;
    this.#byId = db.prepare(`SELECT ${COLUMNS} FROM payment_method WHERE id = ?`);
    this.#byAccount = db.prepare(`SELECT ${COLUMNS} FROM payment_method WHERE billing_account_id = ? AND status = 'active' ORDER BY created_at, id`);
    this.#insert = db.prepare(
      `INSERT OR IGNORE INTO payment_method (id, billing_account_id, kind, name, brand, last_four, expiry, token_enc,
         institution, transit, account_enc, holder, declines, status, created_at)
       VALUES (@id, @account, @kind, @name, @brand, @lastFour, @expiry, @token, @institution, @transit, @accountEnc, @holder,
         @declines, 'active', @createdAt)`,
    );
    this.#remove = db.prepare(`UPDATE payment_method SET status = 'removed' WHERE id = ?`);
  }

  /** Adds the seeded methods that are missing (their secrets need this server's key, so not in seed.ts). */
  ensureSeeded(createdAt: string): void {
    const exists = this.#db.prepare<[string], { one: number }>('SELECT 1 AS one FROM billing_account WHERE id = ?');
    this.#db.transaction(() => {
      for (const seed of SEEDED) {
        if (!exists.get(seed.account) || this.#byId.get(seed.id)) continue;
        this.#insertCard(seed.id, { billingAccountId: seed.account, number: seed.card, expiry: seed.expiry, holder: seed.holder, name: seed.name }, createdAt);
      }
      for (const seed of SEEDED_BANK) {
        if (!exists.get(seed.account) || this.#byId.get(seed.id)) continue;
        this.#insertBank(
          seed.id,
          { billingAccountId: seed.account, institution: seed.institution, transit: seed.transit, account: seed.number, holder: seed.holder, name: seed.name },
          createdAt,
        );
      }
    })();
  }

  method(id: string): PaymentMethodRow | undefined {
    return this.#byId.get(id);
  }

  activeOf(billingAccountId: string): PaymentMethodRow[] {
    return this.#byAccount.all(billingAccountId);
  }

  addCard(card: NewCard, createdAt: string): PaymentMethodRow {
    const id = newMethodId(card.billingAccountId);
    this.#insertCard(id, card, createdAt);
    return this.#byId.get(id)!;
  }

  addBankAccount(bank: NewBankAccount, createdAt: string): PaymentMethodRow {
    const id = newMethodId(bank.billingAccountId);
    this.#insertBank(id, bank, createdAt);
    return this.#byId.get(id)!;
  }

  remove(id: string): void {
    this.#remove.run(id);
  }

  #insertCard(id: string, card: NewCard, createdAt: string): void {
    const brand = cardBrand(card.number);
    const lastFour = card.number.slice(-4);
    // The token stands for the card from now on; the number itself is dropped here.
    const token = `tok_${randomBytes(12).toString('hex')}`;
    this.#insert.run({
      id,
      account: card.billingAccountId,
      kind: 'card',
      name: card.name ?? `${brand} •••• ${lastFour}`,
      brand,
      lastFour,
      expiry: card.expiry,
      token: this.#cipher.encrypt(token),
      institution: null,
      transit: null,
      accountEnc: null,
      holder: card.holder,
      declines: DECLINING_TEST_CARDS.has(card.number) ? 1 : 0,
      createdAt,
    });
  }

  #insertBank(id: string, bank: NewBankAccount, createdAt: string): void {
    const lastFour = bank.account.slice(-4);
    this.#insert.run({
      id,
      account: bank.billingAccountId,
      kind: 'bankAccount',
      name: bank.name ?? `Pre-authorized debit – account •••• ${lastFour}`,
      brand: null,
      lastFour,
      expiry: null,
      token: null,
      institution: bank.institution,
      transit: bank.transit,
      accountEnc: this.#cipher.encrypt(bank.account),
      holder: bank.holder,
      declines: 0,
      createdAt,
    });
  }
}

function newMethodId(billingAccountId: string): string {
  return `PM-${billingAccountId.replace(/^BA-/, '')}-${randomBytes(4).toString('hex')}`;
}
