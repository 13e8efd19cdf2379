/**
 * The X-Request-ID of each request: a version 4 UUID (RFC 9562's layout), which only has to tell
 * requests apart in the server's logs and in espace's error messages. It is never a secret and
 * no server trusts it, so its random bits come from Math.random (seeded by V8 from the system's
 * entropy) rather than node:crypto, whose module alone costs every command about 1.5 ms to load.
 */
export function newRequestId(): string {
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${VARIANTS[Math.floor(Math.random() * 4)]}${hex(3)}-${hex(12)}`;
}

/** The variant's two bits (10) and two random ones, as the first digit of the fourth group. */
const VARIANTS = ['8', '9', 'a', 'b'];

/** `digits` random hexadecimal digits (up to 12: 48 bits, within a double's 52 random bits). */
function hex(digits: number): string {
  return Math.floor(Math.random() * 16 ** digits)
    .toString(16)
    .padStart(digits, '0');
}
