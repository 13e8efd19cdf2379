/** TMF637 product inventory rows: the services and add-ons of an account, and their changes. */
import { StatementCache, type SandboxDatabase, type Statement } from '../db.js';
import { pagedRows, type Criteria, type Page } from '../store/paged-query.js';

export interface ProductRow {
  id: string;
  billingAccountId: string;
  billingAccountName: string;
  name: string;
  productType: string;
  isAddOn: number;
  status: string;
  startDate: string;
  terminationDate: string | null;
  priceCents: number | null;
  offeringId: string | null;
  contractEnd: string | null;
}

const COLUMNS = `p.id, p.billing_account_id AS billingAccountId, a.name AS billingAccountName, p.name, p.product_type AS productType,
  p.is_add_on AS isAddOn, p.status, p.start_date AS startDate, p.termination_date AS terminationDate,
  p.recurring_price_cents AS priceCents, p.offering_id AS offeringId, p.contract_end AS contractEnd`;

export class InventoryStore {
  readonly #byId: Statement<[string], ProductRow>;
  readonly #ofAccount: Statement<[string], ProductRow>;
  readonly #cache: StatementCache;
  readonly #insert: Statement<[string, string, string, string, number, string, number, string, string | null]>;
  readonly #modify: Statement<[string, string, number, string, string | null, string]>;
  readonly #terminate: Statement<[string, string]>;

  constructor(db: SandboxDatabase) {
    const from = 'FROM product p JOIN billing_account a ON a.id = p.billing_account_id';
    this.#byId = db.prepare(`SELECT ${COLUMNS} ${from} WHERE p.id = ?`);
    this.#ofAccount = db.prepare(`SELECT ${COLUMNS} ${from} WHERE p.billing_account_id = ? ORDER BY p.is_add_on, p.start_date, p.id`);
    this.#cache = new StatementCache(db);
    this.#insert = db.prepare(
      `INSERT INTO product (id, billing_account_id, name, product_type, is_add_on, status, start_date, recurring_price_cents, offering_id, contract_end)
       VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
    );
    this.#modify = db.prepare('UPDATE product SET name = ?, offering_id = ?, recurring_price_cents = ?, product_type = ?, contract_end = ? WHERE id = ?');
    this.#terminate = db.prepare("UPDATE product SET status = 'terminated', termination_date = ? WHERE id = ?");
  }

  product(id: string): ProductRow | undefined {
    return this.#byId.get(id);
  }

  /** An account's products (active and terminated), services before add-ons. */
  ofAccount(accountId: string): ProductRow[] {
    return this.#ofAccount.all(accountId);
  }

  /** One page of the products that meet `criteria` (SQL on `p`, the product), by account then as ofAccount orders them. */
  list(criteria: Criteria, page: Page): { total: number; rows: ProductRow[] } {
    return pagedRows(
      this.#cache,
      {
        countFrom: 'FROM product p',
        select: `SELECT ${COLUMNS} FROM product p JOIN billing_account a ON a.id = p.billing_account_id`,
        orderBy: 'ORDER BY p.billing_account_id, p.is_add_on, p.start_date, p.id',
      },
      criteria,
      page,
    );
  }

  insert(row: {
    id: string;
    accountId: string;
    name: string;
    productType: string;
    isAddOn: boolean;
    startDate: string;
    priceCents: number;
    offeringId: string;
    contractEnd: string | null;
  }): void {
    this.#insert.run(row.id, row.accountId, row.name, row.productType, row.isAddOn ? 1 : 0, row.startDate, row.priceCents, row.offeringId, row.contractEnd);
  }

  modify(id: string, change: { name: string; offeringId: string; priceCents: number; productType: string; contractEnd: string | null }): void {
    this.#modify.run(change.name, change.offeringId, change.priceCents, change.productType, change.contractEnd, id);
  }

  terminate(id: string, at: string): void {
    this.#terminate.run(at, id);
  }
}
