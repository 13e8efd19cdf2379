/**
 * The 32-byte keys that seal sandbox data at rest (payment data, TOTP secrets). A key is never in
 * the database file: it comes from an environment variable (64 hex digits) or from a key file
 * beside the database (0600), created on first start.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

/**
 * The key from `env[envName]`, else from `<dataDir>/<fileName>` (made with a random key if
 * missing). Throws when either holds anything but 64 hexadecimal digits.
 */
export function loadDataKey(dataDir: string, envName: string, fileName: string, env: Record<string, string | undefined>): Buffer {
  const fromEnv = env[envName];
  if (fromEnv) {
    if (!HEX_KEY.test(fromEnv)) throw new Error(`${envName} must be 64 hexadecimal digits (32 bytes)`);
    return Buffer.from(fromEnv, 'hex');
  }
  const file = join(dataDir, fileName);
  if (!existsSync(file)) {
    // 'wx' fails if a concurrent start created it first; then its key is read below.
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(file, 0o600);
  const hex = readFileSync(file, 'utf8').trim();
  if (!HEX_KEY.test(hex)) throw new Error(`${file} does not hold a 32-byte hexadecimal key`);
  return Buffer.from(hex, 'hex');
}
