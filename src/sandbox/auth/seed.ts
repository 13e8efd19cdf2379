/**
 * The sandbox's seeded logins and OAuth clients: three customers, a support agent and a CI client.
 *
 *   who            username / client_id   password / secret            role      billing account
 *   Marie Tremblay marie.tremblay         Espace-Demo-2026!            customer  BA-1001 (Montréal QC, fr)
 *   James Wilson   james.wilson           Espace-Demo-2026!            customer  BA-2001 (Ottawa ON, en)
 *   Luc Gagnon     luc.gagnon             Espace-Demo-2026!            customer  BA-3001 (Laval QC, fr, overdue)
 *   Sophie Roy     agent.roy              Espace-Agent-2026!           agent     reads every account
 *   CI client      espace-ci              espace-ci-sandbox-secret     ci        read-only (client_credentials)
 *   the CLI        espace-cli             (public client, no secret)             password and refresh_token grants
 *
 * These are public demo credentials for a local sandbox; they protect nothing real. The customers'
 * personal details and accounts are in party/customers.ts.
 */
import { createHash } from 'node:crypto';
import type { SandboxDatabase } from '../db.js';

/** The seeded identities, in one place for tests and documentation. */
export const SEED_CREDENTIALS = {
  marie: { username: 'marie.tremblay', password: 'Espace-Demo-2026!', role: 'customer', userId: 'IND-1001', billingAccountId: 'BA-1001' },
  james: { username: 'james.wilson', password: 'Espace-Demo-2026!', role: 'customer', userId: 'IND-2001', billingAccountId: 'BA-2001' },
  luc: { username: 'luc.gagnon', password: 'Espace-Demo-2026!', role: 'customer', userId: 'IND-3001', billingAccountId: 'BA-3001' },
  agent: { username: 'agent.roy', password: 'Espace-Agent-2026!', role: 'agent', userId: 'IND-9001' },
  ci: { clientId: 'espace-ci', clientSecret: 'espace-ci-sandbox-secret', role: 'ci' },
  /** The public client the CLI identifies as (password and refresh_token grants, no secret). */
  cliClientId: 'espace-cli',
} as const;

/**
 * scrypt hashes (OWASP parameters) of the passwords above, computed once with fixed salts so that
 * seeding is instant and reproducible; test/sandbox/seed.test.ts checks that they still match.
 */
const PASSWORD_HASHES = {
  marie: '$scrypt$ln=17,r=8,p=1$1b62VJSYx6G7SWpEi3poWg==$PIafSvS5ZVqX16BTxecdnMosmKUPIBEIz+84H+viSAg=',
  james: '$scrypt$ln=17,r=8,p=1$3XeOBlUVv8x4D10aIE+f9g==$vZluOoIIsvP1WjQXc359CVuuMaZ8g3yAQ6V+sppNDUE=',
  luc: '$scrypt$ln=17,r=8,p=1$/gEHIIxgl+51wCRIuclJYA==$mlIhzhwAeGlZ4R05hveLeU/5uJ08WwTueApNwBNvgY0=',
  agent: '$scrypt$ln=17,r=8,p=1$npFI/IW+tIYtDrc8TySUeA==$NXR6KLjgaJ261cXzhkIANbPH3uE70CTDOJLBxNVuURg=',
} as const;

export type SeedUserKey = keyof typeof PASSWORD_HASHES;
export const SEED_PASSWORD_HASHES: Readonly<Record<SeedUserKey, string>> = PASSWORD_HASHES;

export const SCOPES = {
  user: 'openid profile tmf.read tmf.write',
  ci: 'tmf.read',
} as const;

/** The personal details stored with a login (app_user). */
export interface SeedPerson {
  givenName: string;
  familyName: string;
  email: string;
  phone: string | null;
  locale: 'fr-CA' | 'en-CA';
}

/** The support agent: a login without a billing account of her own. */
const AGENT: SeedPerson = {
  givenName: 'Sophie',
  familyName: 'Roy',
  email: 'sophie.roy@example.net',
  phone: null,
  locale: 'fr-CA',
};

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Writes the seeded identities; each method inserts rows, inside the caller's transaction. */
export interface IdentitySeeder {
  /** The CLI's public client and the read-only CI client. */
  clients(): void;
  /** The support agent, a login since `createdAt`. */
  agent(createdAt: string): void;
  /** The login `key` of a customer, with their personal details, since `createdAt`. */
  customer(key: Exclude<SeedUserKey, 'agent'>, person: SeedPerson, createdAt: string): void;
}

/** Prepares the inserts of the seeded logins and OAuth clients into `db`. */
export function identitySeeder(db: SandboxDatabase): IdentitySeeder {
  const user = db.prepare(
    `INSERT INTO app_user (id, username, password_hash, role, given_name, family_name, email, phone, locale, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const client = db.prepare('INSERT INTO oauth_client (id, name, secret_sha256, grant_types, scope, role) VALUES (?, ?, ?, ?, ?, ?)');
  const login = (key: SeedUserKey, person: SeedPerson, createdAt: string) => {
    const { userId, username, role } = SEED_CREDENTIALS[key];
    user.run(userId, username, PASSWORD_HASHES[key], role, person.givenName, person.familyName, person.email, person.phone, person.locale, createdAt);
  };
  return {
    clients() {
      client.run(SEED_CREDENTIALS.cliClientId, 'Espace CLI', null, 'password refresh_token', SCOPES.user, null);
      client.run(SEED_CREDENTIALS.ci.clientId, 'Espace CI (read-only)', sha256(SEED_CREDENTIALS.ci.clientSecret), 'client_credentials', SCOPES.ci, 'ci');
    },
    agent: (createdAt) => login('agent', AGENT, createdAt),
    customer: login,
  };
}
