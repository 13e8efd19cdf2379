/**
 * Encryption at rest of payment data (card tokens, bank account numbers): AES-256-GCM with a
 * random 96-bit nonce per value. The key is never in the database file: it comes from
 * `ESPACE_SANDBOX_PAYMENT_KEY` (64 hex digits) or from `<dataDir>/payment-data.key` (0600),
 * created on first start. A copy of the database alone reveals nothing.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { loadDataKey } from '../data-key.js';

export const PAYMENT_KEY_FILE = 'payment-data.key';
export const PAYMENT_KEY_ENV = 'ESPACE_SANDBOX_PAYMENT_KEY';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 1;

export class PaymentDataCipher {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('the payment data key must be 32 bytes');
    this.#key = key;
  }

  /** version byte, nonce, tag, ciphertext. */
  encrypt(plaintext: string): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Buffer): string {
    if (sealed[0] !== VERSION) throw new Error('unknown payment data format');
    const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
    const tag = sealed.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.#key, nonce);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(1 + NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}

/** The key from the environment, else from the key file beside the database (made if missing). */
export function loadPaymentDataCipher(dataDir: string, env: Record<string, string | undefined> = process.env): PaymentDataCipher {
  return new PaymentDataCipher(loadDataKey(dataDir, PAYMENT_KEY_ENV, PAYMENT_KEY_FILE, env));
}
