import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAYMENT_KEY_FILE, loadPaymentDataCipher } from '../../src/sandbox/payment/cipher.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'espace-cipher-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('payment data encryption', () => {
  it('creates a private key file once and round-trips values with a fresh nonce each time', async () => {
    const cipher = loadPaymentDataCipher(dir, {});
    const key = join(dir, PAYMENT_KEY_FILE);
    expect((await stat(key)).mode & 0o777).toBe(0o600);
    const first = await readFile(key, 'utf8');
    const a = cipher.encrypt('1234567896789');
    const b = cipher.encrypt('1234567896789');
    expect(a.equals(b)).toBe(false);
    expect(a.toString('latin1')).not.toContain('1234567896789');
    // A second start reads the same key and can read what the first wrote.
    expect(loadPaymentDataCipher(dir, {}).decrypt(a)).toBe('1234567896789');
    expect(await readFile(key, 'utf8')).toBe(first);
  });

  it('refuses a tampered value, and a wrong key', () => {
    const cipher = loadPaymentDataCipher(dir, {});
    const sealed = cipher.encrypt('tok_0123');
    sealed[sealed.length - 1]! ^= 1;
    expect(() => cipher.decrypt(sealed)).toThrow();
    const other = loadPaymentDataCipher(dir, { ESPACE_SANDBOX_PAYMENT_KEY: 'ab'.repeat(32) });
    expect(() => other.decrypt(cipher.encrypt('tok_0123'))).toThrow();
    expect(() => loadPaymentDataCipher(dir, { ESPACE_SANDBOX_PAYMENT_KEY: 'short' })).toThrow(/64 hexadecimal/);
  });
});
