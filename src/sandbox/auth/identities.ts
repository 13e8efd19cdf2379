/** Users and OAuth clients as the token endpoint and userinfo need them. */
import { timingSafeEqual } from 'node:crypto';
import type { SandboxDatabase, Statement } from '../db.js';
import { hashToken } from './tokens.js';

export interface UserRow {
  id: string;
  username: string;
  passwordHash: string;
  role: 'customer' | 'agent';
  givenName: string;
  familyName: string;
  email: string;
  phone: string | null;
  locale: string;
  totpSecret: string | null;
  totpLastStep: number | null;
}

export interface ClientRow {
  id: string;
  name: string;
  secretSha256: Buffer | null;
  grantTypes: string;
  scope: string;
  role: 'ci' | null;
}

const USER_COLUMNS = `id, username, password_hash AS passwordHash, role, given_name AS givenName,
  family_name AS familyName, email, phone, locale, totp_secret AS totpSecret, totp_last_step AS totpLastStep`;

export class IdentityStore {
  readonly #byUsername: Statement<[string], UserRow>;
  readonly #byId: Statement<[string], UserRow>;
  readonly #client: Statement<[string], ClientRow>;
  readonly #accounts: Statement<[string], { id: string; name: string; role: string }>;
  readonly #useTotpStep: Statement<[number, string, number]>;

  constructor(db: SandboxDatabase) {
    this.#byUsername = db.prepare(`SELECT ${USER_COLUMNS} FROM app_user WHERE username = ?`);
    this.#byId = db.prepare(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = ?`);
    this.#client = db.prepare('SELECT id, name, secret_sha256 AS secretSha256, grant_types AS grantTypes, scope, role FROM oauth_client WHERE id = ?');
    this.#accounts = db.prepare(
      `SELECT a.id, a.name, x.role FROM account_access x JOIN billing_account a ON a.id = x.billing_account_id
        WHERE x.user_id = ? ORDER BY a.id`,
    );
    // Conditional update: of two concurrent logins with the same code, only one wins.
    this.#useTotpStep = db.prepare('UPDATE app_user SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)');
  }

  userByUsername(username: string): UserRow | undefined {
    return this.#byUsername.get(username);
  }

  userById(id: string): UserRow | undefined {
    return this.#byId.get(id);
  }

  client(id: string): ClientRow | undefined {
    return this.#client.get(id);
  }

  /** Billing accounts a user holds (empty for agents, who are not owners of any). */
  accountsOf(userId: string): { id: string; name: string; role: string }[] {
    return this.#accounts.all(userId);
  }

  /** Marks a TOTP step as used; false if it (or a later one) was used already. */
  consumeTotpStep(userId: string, step: number): boolean {
    return this.#useTotpStep.run(step, userId, step).changes === 1;
  }
}

/** Constant-time check of a client secret against its stored SHA-256. */
export function clientSecretMatches(client: ClientRow, secret: string): boolean {
  if (!client.secretSha256) return false;
  return timingSafeEqual(hashToken(secret), client.secretSha256);
}
