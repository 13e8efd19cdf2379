/**
 * A lower password-hashing cost for test runs. The production scrypt cost (128 MiB and a few
 * hundred milliseconds of a core per check) is what the sandbox uses unless told otherwise; a test
 * suite that logs in hundreds of times on a shared machine asks for less with `--password-cost N`
 * or ESPACE_SANDBOX_PASSWORD_COST=N (log2 of scrypt's N). The seeded users' hashes, computed once at
 * the production cost, are then rewritten at the asked cost when the database is seeded, so that
 * every password check of the run costs the same.
 */
import type { SandboxDatabase } from '../db.js';
import { SEED_CREDENTIALS } from './seed.js';
import { hashPassword, MIN_LOG_N, PRODUCTION_LOG_N } from './password.js';

/** The environment variable read when `--password-cost` is not given. */
export const PASSWORD_COST_ENV = 'ESPACE_SANDBOX_PASSWORD_COST';

/** Parses a cost (log2 N) from the command line or the environment; throws a message saying what is accepted. */
export function parsePasswordCost(text: string): number {
  const cost = Number(text);
  if (!/^\d{1,2}$/.test(text) || cost < MIN_LOG_N || cost > PRODUCTION_LOG_N) {
    throw new Error(
      `must be an integer from ${MIN_LOG_N} to ${PRODUCTION_LOG_N} (log2 of scrypt's N; ${PRODUCTION_LOG_N} is the production cost), got "${text}"`,
    );
  }
  return cost;
}

/** Rewrites the seeded users' password hashes (same passwords) at cost `logN`. */
export async function rehashSeededPasswords(db: SandboxDatabase, logN: number): Promise<void> {
  const users = [SEED_CREDENTIALS.marie, SEED_CREDENTIALS.james, SEED_CREDENTIALS.luc, SEED_CREDENTIALS.agent];
  const hashes = await Promise.all(users.map((user) => hashPassword(user.password, undefined, logN)));
  const update = db.prepare('UPDATE app_user SET password_hash = ? WHERE username = ?');
  db.transaction(() => users.forEach((user, i) => update.run(hashes[i], user.username)))();
}
