/**
 * Password hashing at a test cost. The production scrypt cost (128 MiB and a few hundred
 * milliseconds a check) is kept by the sandbox and tested in the OAuth tests; tests that make many
 * password checks start the sandbox with `passwordHashing: { logN: TEST_HASH_LOG_N }` (new hashes
 * and the unknown-user check at that cost) and rewrite the seeded users' hashes at the same cost.
 */
import { hashPassword } from '../../src/sandbox/auth/password.js';
import { databasePath } from '../../src/sandbox/db.js';
import { SEED_CREDENTIALS } from '../../src/sandbox/seed.js';
import { Sqlite } from '../../src/sandbox/sqlite.js';

/** The lowest cost the sandbox accepts. */
export const TEST_HASH_LOG_N = 10;

/** Rewrites the seeded users' password hashes (same passwords) at {@link TEST_HASH_LOG_N}. */
export async function cheapenSeededPasswords(dataDir: string): Promise<void> {
  const users = [SEED_CREDENTIALS.marie, SEED_CREDENTIALS.james, SEED_CREDENTIALS.luc, SEED_CREDENTIALS.agent];
  const hashes = await Promise.all(users.map((user) => hashPassword(user.password, undefined, TEST_HASH_LOG_N)));
  const db = new Sqlite(databasePath(dataDir));
  try {
    const update = db.prepare('UPDATE app_user SET password_hash = ? WHERE username = ?');
    users.forEach((user, i) => update.run(hashes[i], user.username));
  } finally {
    db.close();
  }
}
