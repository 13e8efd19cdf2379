/**
 * Two-factor enrolment and second-factor checks. Enrolment issues a TOTP secret that stays pending
 * until a code computed from it is confirmed, so a secret the user never managed to scan cannot
 * lock them out. Confirmation turns it on and hands out recovery codes once; only their hashes stay.
 * Secrets, pending or active, are stored sealed (totp-secrets.ts) and opened only to check a code.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import type { SandboxDatabase, Statement } from '../db.js';
import type { IdentityStore, UserRow } from './identities.js';
import { generateTotpSecret, verifyTotp } from './totp.js';
import type { TotpSecretCipher } from './totp-secrets.js';

/** Number of recovery codes handed out at enrolment. */
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export interface TwoFactorStatus {
  enabled: boolean;
  pending: boolean;
  recoveryCodesLeft: number;
}

/** A new recovery code: 10 characters (about 49 bits) without look-alikes, shown as `xxxxx-xxxxx`. */
function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** Recovery codes are compared without case, spaces or dashes, as people type them. */
function recoveryHash(code: string): Buffer {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest();
}

export class TwoFactorStore {
  readonly #db: SandboxDatabase;
  readonly #identities: IdentityStore;
  readonly #secrets: TotpSecretCipher;
  readonly #pending: Statement<[string], { secret: string | null }>;
  readonly #setPending: Statement<[string | null, string]>;
  readonly #enable: Statement<[number, string, string]>;
  readonly #disable: Statement<[string]>;
  readonly #insertCode: Statement<[string, Buffer]>;
  readonly #deleteCodes: Statement<[string]>;
  readonly #codesLeft: Statement<[string], { n: number }>;
  readonly #useCode: Statement<[number, string, Buffer]>;

  constructor(db: SandboxDatabase, identities: IdentityStore, secrets: TotpSecretCipher) {
    this.#db = db;
    this.#identities = identities;
    this.#secrets = secrets;
    this.#pending = db.prepare('SELECT totp_pending_secret AS secret FROM app_user WHERE id = ?');
    this.#setPending = db.prepare('UPDATE app_user SET totp_pending_secret = ? WHERE id = ?');
    // The confirming code's step is recorded as used, so that it cannot also open a login.
    this.#enable = db.prepare(
      'UPDATE app_user SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_last_step = ? WHERE id = ? AND totp_pending_secret = ?',
    );
    this.#disable = db.prepare('UPDATE app_user SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL WHERE id = ?');
    this.#insertCode = db.prepare('INSERT INTO recovery_code (user_id, code_sha256) VALUES (?, ?)');
    this.#deleteCodes = db.prepare('DELETE FROM recovery_code WHERE user_id = ?');
    this.#codesLeft = db.prepare('SELECT count(*) AS n FROM recovery_code WHERE user_id = ? AND used_at IS NULL');
    this.#useCode = db.prepare('UPDATE recovery_code SET used_at = ? WHERE user_id = ? AND code_sha256 = ? AND used_at IS NULL');
  }

  status(user: UserRow): TwoFactorStatus {
    return {
      enabled: user.totpSecret !== null,
      pending: (this.#pending.get(user.id)?.secret ?? null) !== null,
      recoveryCodesLeft: user.totpSecret !== null ? (this.#codesLeft.get(user.id)?.n ?? 0) : 0,
    };
  }

  /** Issues a new pending secret (replacing an unconfirmed one). */
  begin(user: UserRow): string {
    const secret = generateTotpSecret();
    this.#setPending.run(this.#secrets.seal(secret), user.id);
    return secret;
  }

  /**
   * Turns two-factor on if `code` is valid for the pending secret; returns the recovery codes in
   * clear (the only time they exist), or null when the code is wrong or nothing is pending.
   */
  confirm(user: UserRow, code: string, nowMs: number): string[] | null {
    const sealed = this.#pending.get(user.id)?.secret ?? null;
    const secret = sealed === null ? null : this.#secrets.open(sealed);
    if (sealed === null || secret === null) return null;
    const step = verifyTotp(secret, code, nowMs, null);
    if (step === null) return null;
    return this.#db.transaction(() => {
      if (this.#enable.run(step, user.id, sealed).changes !== 1) return null;
      this.#deleteCodes.run(user.id);
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      for (const recovery of codes) this.#insertCode.run(user.id, recoveryHash(recovery));
      return codes;
    })();
  }

  disable(user: UserRow): void {
    this.#db.transaction(() => {
      this.#disable.run(user.id);
      this.#deleteCodes.run(user.id);
    })();
  }

  /**
   * Checks a second factor: a 6-digit TOTP code (each step accepted once) or an unused recovery
   * code (then spent). False for anything else.
   */
  verifySecondFactor(user: UserRow, given: string, nowMs: number): boolean {
    if (!user.totpSecret) return false;
    const code = given.trim();
    if (/^\d{6}$/.test(code)) {
      const secret = this.#secrets.open(user.totpSecret);
      if (secret === null) return false;
      const step = verifyTotp(secret, code, nowMs, user.totpLastStep);
      return step !== null && this.#identities.consumeTotpStep(user.id, step);
    }
    if (code.length > 64) return false;
    return this.#useCode.run(nowMs, user.id, recoveryHash(code)).changes === 1;
  }
}

/** The otpauth:// URI authenticator apps scan (Key Uri Format). */
export function otpauthUri(secret: string, accountName: string, issuer: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const query = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: '6', period: '30' });
  return `otpauth://totp/${label}?${query.toString()}`;
}

const stores = new WeakMap<SandboxContext, TwoFactorStore>();

/** The two-factor store of a server (one per context, built on first use). */
export function twoFactorOf(ctx: SandboxContext): TwoFactorStore {
  let store = stores.get(ctx);
  if (!store) {
    store = new TwoFactorStore(ctx.db, ctx.identities, ctx.totpSecrets);
    stores.set(ctx, store);
  }
  return store;
}
