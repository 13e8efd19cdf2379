import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt at the OWASP Password Storage Cheat Sheet parameters
 * (N=2^17, r=8, p=1). Hashes are stored in PHC string format,
 * `$scrypt$ln=17,r=8,p=1$<salt base64>$<key base64>`, so the parameters travel with the hash
 * and can be raised later without invalidating existing hashes.
 */

/** log2 of scrypt's N in production; tests may hash at a lower cost (never below {@link MIN_LOG_N}). */
export const PRODUCTION_LOG_N = 17;
export const MIN_LOG_N = 10;
const LOG_N = PRODUCTION_LOG_N;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Cap on log2(N) accepted from a stored hash, so a corrupt row cannot ask for gigabytes. */
const MAX_LOG_N = 20;

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** scrypt needs 128·N·r bytes; Node's default `maxmem` (32 MiB) is below that at N=2^17. */
function optionsFor(logN: number, r: number, p: number): ScryptOptions {
  const N = 2 ** logN;
  return { N, r, p, maxmem: 128 * N * r * p + 32 * 1024 * 1024 };
}

/**
 * Hashes a password with a fresh random salt (or the given one, for reproducible seed data), at the
 * production cost unless told otherwise.
 */
export async function hashPassword(password: string, salt: Buffer = randomBytes(SALT_BYTES), logN = LOG_N): Promise<string> {
  if (!Number.isInteger(logN) || logN < MIN_LOG_N || logN > MAX_LOG_N) throw new Error(`scrypt cost ln=${logN} is out of range`);
  const key = await scryptAsync(password, salt, KEY_BYTES, optionsFor(logN, BLOCK_SIZE, PARALLELISM));
  return `$scrypt$ln=${logN},r=${BLOCK_SIZE},p=${PARALLELISM}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const PHC = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** Verifies a password against a stored PHC hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PHC.exec(stored);
  if (!match) return false;
  const [, ln, r, p, salt, key] = match;
  const logN = Number(ln);
  if (logN < MIN_LOG_N || logN > MAX_LOG_N) return false;
  const expected = Buffer.from(key ?? '', 'base64');
  if (expected.length < 16) return false;
  const actual = await scryptAsync(password, Buffer.from(salt ?? '', 'base64'), expected.length, optionsFor(logN, Number(r), Number(p)));
  return timingSafeEqual(actual, expected);
}

/**
 * A valid hash of a random, never-disclosed password. Checking an unknown username against it
 * costs the same time as checking a real one, so response times do not reveal which usernames exist.
 */
export const DUMMY_PASSWORD_HASH = '$scrypt$ln=17,r=8,p=1$n0t8q3cXGm6dNhHqNEOlYw==$0vVQw4Vx8h9gM3nLr2bE0cXJ8HhJ1wK3f2ZQm4u5T6Y=';
