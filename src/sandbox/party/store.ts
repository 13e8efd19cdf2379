/**
 * The SQL of TMF632 individuals: a person is a login (app_user: names, email, phone, language) and
 * their mailing address is that of the billing accounts they own, where contact details are mirrored.
 */
import type { SandboxDatabase, Statement } from '../db.js';

export interface MailingAddress {
  street1: string;
  street2: string | null;
  city: string;
  province: string;
  postcode: string;
  country: string;
}

/** What a PATCH of an individual changes, already checked. */
export interface IndividualChanges {
  givenName?: string;
  familyName?: string;
  email?: string;
  phone?: string;
  locale?: 'en-CA' | 'fr-CA';
  address?: { street1: string; street2: string | null; city: string; province: string; postcode: string };
}

const OWNED = "id IN (SELECT billing_account_id FROM account_access WHERE user_id = @userId AND role = 'owner')";

type Update = 'givenName' | 'familyName' | 'locale' | 'email' | 'phone' | 'accountEmail' | 'accountPhone' | 'address';

/** Reads mailing addresses and applies checked changes to a person and the accounts they own. */
export class IndividualStore {
  readonly #db: SandboxDatabase;
  readonly #address: Statement<[string], MailingAddress>;
  readonly #updates: Record<Update, Statement<Record<string, unknown>>>;

  constructor(db: SandboxDatabase) {
    this.#db = db;
    // The mailing address: that of the first billing account the person owns.
    this.#address = db.prepare(
      `SELECT a.street1, a.street2, a.city, a.province, a.postcode, a.country FROM billing_account a
         JOIN account_access x ON x.billing_account_id = a.id WHERE x.user_id = ? AND x.role = 'owner' ORDER BY a.id LIMIT 1`,
    );
    this.#updates = {
      givenName: db.prepare('UPDATE app_user SET given_name = @givenName WHERE id = @userId'),
      familyName: db.prepare('UPDATE app_user SET family_name = @familyName WHERE id = @userId'),
      locale: db.prepare('UPDATE app_user SET locale = @locale WHERE id = @userId'),
      email: db.prepare('UPDATE app_user SET email = @email WHERE id = @userId'),
      phone: db.prepare('UPDATE app_user SET phone = @phone WHERE id = @userId'),
      // Contact details are mirrored on the accounts the person owns, where bills and notices use them.
      accountEmail: db.prepare(`UPDATE billing_account SET email = @email, last_modified = @stamp WHERE ${OWNED}`),
      accountPhone: db.prepare(`UPDATE billing_account SET phone = @phone, last_modified = @stamp WHERE ${OWNED}`),
      address: db.prepare(
        `UPDATE billing_account SET street1 = @street1, street2 = @street2, city = @city, province = @province,
           postcode = @postcode, last_modified = @stamp WHERE ${OWNED}`,
      ),
    };
  }

  address(userId: string): MailingAddress | undefined {
    return this.#address.get(userId);
  }

  /** Applies the changes in one transaction. */
  apply(userId: string, changes: IndividualChanges, now: Date): void {
    const params = { userId, stamp: now.toISOString(), ...changes, ...changes.address };
    const run = (name: Update) => this.#updates[name].run(params);
    this.#db.transaction(() => {
      if (changes.givenName !== undefined) run('givenName');
      if (changes.familyName !== undefined) run('familyName');
      if (changes.locale !== undefined) run('locale');
      if (changes.email !== undefined) {
        run('email');
        run('accountEmail');
      }
      if (changes.phone !== undefined) {
        run('phone');
        run('accountPhone');
      }
      if (changes.address) run('address');
    })();
  }
}
