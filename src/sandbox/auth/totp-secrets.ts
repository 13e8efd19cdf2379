/**
 * Encryption at rest of TOTP secrets, as for payment data: AES-256-GCM with a random nonce per
 * value (the payment data cipher), under a key of its own that is never in the database file. It
 * comes from `ESPACE_SANDBOX_TOTP_KEY` (64 hex digits) or from `<dataDir>/totp-secrets.key` (0600),
 * created on first start. A stolen copy of the database does not give anyone a working second
 * factor. Stored values are `enc1:<base64>`; a clear value left by an older version is sealed
 * when the server starts ({@link sealClearTotpSecrets}).
 */
import { loadDataKey } from '../data-key.js';
import type { SandboxDatabase } from '../db.js';
import { PaymentDataCipher } from '../payment/cipher.js';

export const TOTP_KEY_FILE = 'totp-secrets.key';
export const TOTP_KEY_ENV = 'ESPACE_SANDBOX_TOTP_KEY';
const SEALED_PREFIX = 'enc1:';

export class TotpSecretCipher {
  readonly #cipher: PaymentDataCipher;

  constructor(key: Buffer) {
    this.#cipher = new PaymentDataCipher(key);
  }

  /** The value to store for a base32 secret. */
  seal(secret: string): string {
    return SEALED_PREFIX + this.#cipher.encrypt(secret).toString('base64');
  }

  /** The base32 secret of a stored value; null for anything this key did not seal (fails closed). */
  open(stored: string): string | null {
    if (!isSealed(stored)) return null;
    try {
      return this.#cipher.decrypt(Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64'));
    } catch {
      return null;
    }
  }
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

/** The cipher under the key from the environment, else from the key file beside the database (made if missing). */
export function loadTotpSecretCipher(dataDir: string, env: Record<string, string | undefined> = process.env): TotpSecretCipher {
  return new TotpSecretCipher(loadDataKey(dataDir, TOTP_KEY_ENV, TOTP_KEY_FILE, env));
}

/**
 * Seals every TOTP secret (active or pending) still stored in clear, in one transaction; returns
 * how many values were sealed. Run at start-up, so a database from an older version is rewrapped.
 */
export function sealClearTotpSecrets(db: SandboxDatabase, cipher: TotpSecretCipher): number {
  const select = db.prepare<[], { id: string; active: string | null; pending: string | null }>(
    `SELECT id, totp_secret AS active, totp_pending_secret AS pending FROM app_user
        WHERE (totp_secret IS NOT NULL AND totp_secret NOT LIKE '${SEALED_PREFIX}%')
           OR (totp_pending_secret IS NOT NULL AND totp_pending_secret NOT LIKE '${SEALED_PREFIX}%')`,
  );
  const update = db.prepare<[string | null, string | null, string]>('UPDATE app_user SET totp_secret = ?, totp_pending_secret = ? WHERE id = ?');
  const seal = (value: string | null) => (value === null || isSealed(value) ? value : cipher.seal(value));
  let sealed = 0;
  db.transaction(() => {
    for (const row of select.all()) {
      sealed += [row.active, row.pending].filter((value) => value !== null && !isSealed(value)).length;
      update.run(seal(row.active), seal(row.pending), row.id);
    }
  }).immediate();
  return sealed;
}
