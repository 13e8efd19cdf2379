/**
 * `--dry-run`: a command runs as usual (every check, every read) up to its first request that
 * would change something, which is not sent: the HTTP client stops there with {@link DryRunStop},
 * and the CLI shows the request instead of sending it (exit 0). Reads (GET, HEAD) go through, so
 * what a dry run validates is what a real run would have validated before writing.
 */
import type { HttpRequest } from './http.js';

/** Thrown instead of sending a request that would change something; `json` is already redacted. */
export class DryRunStop extends Error {
  constructor(readonly request: Pick<HttpRequest, 'method' | 'path' | 'json'>) {
    super(`dry run: ${request.method} ${request.path} not sent`);
    this.name = 'DryRunStop';
  }
}

const READS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** Fields whose value a dry run never prints: card data, passwords, one-time codes, secrets. */
const SECRET_FIELD = /^(card_?number|cvv|cvc|cvv2|security_?code|password|current_?password|new_?password|secret|code|otp|token|account_?number|iban|pan)$/i;

/**
 * The body of a request as a dry run shows it: the same shape, with every secret field's value
 * (a card number, a CVV, a password…) replaced by `•••`, and any other string of 12 or more digits
 * (a card number under another name) too. The screen and a terminal's scrollback keep what is shown.
 */
export function redactedBody(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(redactedBody);
  if (body !== null && typeof body === 'object') {
    return Object.fromEntries(
      Object.entries(body).map(([key, value]) => [key, SECRET_FIELD.test(key) && value !== null && typeof value !== 'object' ? '•••' : redactedBody(value)]),
    );
  }
  if (typeof body === 'string' && /^[\d\s-]{12,}$/.test(body) && body.replace(/\D/g, '').length >= 12) return '•••';
  return body;
}

/** Throws DryRunStop for a request that would change something. */
export function stopWrites(request: HttpRequest): void {
  if (!READS.has(request.method)) throw new DryRunStop({ method: request.method, path: request.path, json: redactedBody(request.json) });
}
