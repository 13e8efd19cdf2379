import { UsageError } from '../errors.js';

/** True for 127.0.0.0/8, ::1 and localhost: plain HTTP never leaves the machine there. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Parses an API URL and refuses plain HTTP to anything but loopback: tokens and card data must
 * not cross a network in clear text. TLS verification has no off switch; use NODE_EXTRA_CA_CERTS
 * for a private CA.
 */
export function parseApiUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError('api.invalidUrl', { params: { url: value } });
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  if (url.protocol === 'http:') throw new UsageError('api.insecureUrl', { params: { url: value } });
  throw new UsageError('api.invalidUrl', { params: { url: value } });
}
