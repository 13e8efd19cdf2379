/** Small HTTP helpers for the sandbox's own tests (real requests, no mocks). */
import { SEED_CREDENTIALS } from '../../src/sandbox/auth/seed.js';

export const BILLS = '/tmf-api/customerBillManagement/v4/customerBill';
export const RATES = '/tmf-api/customerBillManagement/v4/appliedCustomerBillingRate';
export const ACCOUNTS = '/tmf-api/accountManagement/v4/billingAccount';
export const USERINFO = '/tmf-api/openid/v4/userinfo';

export interface Money {
  unit: string;
  value: number;
}

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

async function answer<T>(response: Response): Promise<Answer<T>> {
  const text = await response.text();
  let body: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: body as T };
}

export async function get<T = any>(base: string, path: string, token?: string, headers: Record<string, string> = {}): Promise<Answer<T>> {
  return answer(await fetch(base + path, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } }));
}

export async function send<T = any>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  return answer(
    await fetch(base + path, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.contentType ? { 'content-type': options.contentType } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { body: options.body } : {}),
    }),
  );
}

export async function tokenRequest(base: string, params: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
  return send(base, 'POST', '/oauth/token', {
    body: new URLSearchParams(params).toString(),
    contentType: 'application/x-www-form-urlencoded',
    headers,
  });
}

export async function login(base: string, who: 'marie' | 'james' | 'luc' | 'agent'): Promise<{ access_token: string; refresh_token: string }> {
  const { username, password } = SEED_CREDENTIALS[who];
  const res = await tokenRequest(base, { grant_type: 'password', username, password });
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Integer cents of a TMF Money value, checking it is an exact amount of cents. */
export function cents(money: Money): number {
  const c = Math.round(money.value * 100);
  if (!/^-?\d+(\.\d{1,2})?$/.test(String(money.value)) || c / 100 !== money.value) {
    throw new Error(`not an exact amount of cents: ${money.value}`);
  }
  return c;
}

/** Half-up rounding of baseCents × numerator / denominator, computed independently of the server. */
export function taxOf(baseCents: number, numerator: number, denominator: number): number {
  const scaled = BigInt(baseCents) * BigInt(numerator);
  const d = BigInt(denominator);
  const sign = scaled < 0n ? -1n : 1n;
  const abs = scaled < 0n ? -scaled : scaled;
  return Number(sign * ((abs * 2n + d) / (2n * d)));
}
