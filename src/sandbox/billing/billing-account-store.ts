/** Reads and the one permitted update of billing accounts (TMF666). */
import { StatementCache, type SandboxDatabase, type Statement } from '../db.js';
import { pagedRows, type Criteria, type Page } from '../store/paged-query.js';

export interface AccountRow {
  id: string;
  name: string;
  description: string | null;
  accountType: string;
  state: string;
  ratingType: string;
  currency: string;
  province: string;
  ownerPartyId: string;
  ownerName: string;
  street1: string;
  street2: string | null;
  city: string;
  postcode: string;
  country: string;
  email: string;
  phone: string | null;
  presentationMedia: 'electronic' | 'paper';
  cycleName: string;
  paymentDueDays: number;
  defaultPaymentMethodId: string | null;
  defaultPaymentMethodName: string | null;
  createdAt: string;
  lastModified: string;
}

export interface Balances {
  /** Everything still owed on the account's bills. */
  currentCents: number;
  /** The part of it whose due date has passed. */
  overdueCents: number;
}

const ACCOUNT_COLUMNS = `id, name, description, account_type AS accountType, state, rating_type AS ratingType, currency,
  province, owner_party_id AS ownerPartyId, owner_name AS ownerName, street1, street2, city, postcode, country, email,
  phone, presentation_media AS presentationMedia, cycle_name AS cycleName, payment_due_days AS paymentDueDays,
  default_payment_method_id AS defaultPaymentMethodId, default_payment_method_name AS defaultPaymentMethodName,
  created_at AS createdAt, last_modified AS lastModified`;

interface BalanceRow {
  id: string;
  current: number;
  overdue: number;
}

export interface AccountChanges {
  name?: string;
  presentationMedia?: 'electronic' | 'paper';
}

export class AccountStore {
  readonly #cache: StatementCache;
  readonly #account: Statement<[string], AccountRow>;
  readonly #balances: Statement<{ ids: string; now: string }, BalanceRow>;
  readonly #balance: Statement<{ id: string; now: string }, BalanceRow>;
  readonly #update: Statement<{ id: string; name: string | null; media: string | null; now: string }>;

  constructor(db: SandboxDatabase) {
    this.#cache = new StatementCache(db);
    this.#account = db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM billing_account WHERE id = ?`);
    const balances = (condition: string) =>
      `SELECT billing_account_id AS id, sum(remaining_cents) AS current,
              sum(CASE WHEN payment_due_date < @now THEN remaining_cents ELSE 0 END) AS overdue
         FROM customer_bill WHERE ${condition} AND remaining_cents <> 0
              -- A bill on demand not issued yet (plan next-bill's preview) owes nothing yet.
              AND NOT (state = 'new' AND run_type = 'offCycle')
         GROUP BY billing_account_id`;
    this.#balances = db.prepare(balances('billing_account_id IN (SELECT value FROM json_each(@ids))'));
    // The single-account form (every retrieve) can use the index directly.
    this.#balance = db.prepare(balances('billing_account_id = @id'));
    this.#update = db.prepare(
      `UPDATE billing_account SET name = coalesce(@name, name), presentation_media = coalesce(@media, presentation_media),
              last_modified = @now WHERE id = @id`,
    );
  }

  account(id: string): AccountRow | undefined {
    return this.#account.get(id);
  }

  list(criteria: Criteria, page: Page): { total: number; rows: AccountRow[] } {
    return pagedRows(
      this.#cache,
      { countFrom: 'FROM billing_account', select: `SELECT ${ACCOUNT_COLUMNS} FROM billing_account`, orderBy: 'ORDER BY id' },
      criteria,
      page,
    );
  }

  /** Balances of several accounts in one query; accounts that owe nothing are absent. */
  balances(ids: readonly string[], now: Date): Map<string, Balances> {
    const at = now.toISOString();
    const rows = ids.length === 1 ? this.#balance.all({ id: ids[0] ?? '', now: at }) : this.#balances.all({ ids: JSON.stringify(ids), now: at });
    return new Map(rows.map((r) => [r.id, { currentCents: r.current, overdueCents: r.overdue }]));
  }

  update(id: string, changes: AccountChanges, now: Date): void {
    this.#update.run({ id, name: changes.name ?? null, media: changes.presentationMedia ?? null, now: now.toISOString() });
  }
}
