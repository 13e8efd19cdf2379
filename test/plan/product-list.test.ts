/**
 * GET product (TMF637) over real HTTP, with synthetic accounts so that access and paging are
 * exercised on more than the three seeded customers: a customer sees only their own products,
 * an agent everyone's, and pages add up to the total the headers announce.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { get } from '../sandbox/client.js';

const PRODUCTS = '/tmf-api/productInventory/v4/product';
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAnchor: '2026-11-01', syntheticAccounts: 40 });
});
afterAll(async () => sandbox?.close());

interface Product {
  id: string;
  status: string;
  billingAccount: { id: string };
}

describe('GET product', () => {
  it('shows a customer only their own products, filtered or not', async () => {
    const own = await get<Product[]>(sandbox.url, PRODUCTS, sandbox.tokens.marie);
    expect(own.status).toBe(200);
    expect(own.body.length).toBeGreaterThan(0);
    expect(new Set(own.body.map((p) => p.billingAccount.id))).toEqual(new Set(['BA-1001']));
    expect(own.headers.get('x-total-count')).toBe(String(own.body.length));
    const others = await get<Product[]>(sandbox.url, `${PRODUCTS}?billingAccount.id=BA-2001`, sandbox.tokens.marie);
    expect(others.body).toEqual([]);
    expect(others.headers.get('x-total-count')).toBe('0');
  });

  it('pages an agent’s view of every account, in a stable order, the pages adding up to the total', async () => {
    const all = await get<Product[]>(sandbox.url, `${PRODUCTS}?limit=1000`, sandbox.tokens.agent);
    const total = Number(all.headers.get('x-total-count'));
    expect(all.body.length).toBe(total);
    expect(new Set(all.body.map((p) => p.billingAccount.id)).size).toBeGreaterThan(40);
    const accounts = all.body.map((p) => p.billingAccount.id);
    expect(accounts).toEqual([...accounts].sort());
    const pages: Product[] = [];
    for (let offset = 0; offset < total; offset += 25) {
      const page = await get<Product[]>(sandbox.url, `${PRODUCTS}?offset=${offset}&limit=25`, sandbox.tokens.agent);
      expect(page.headers.get('x-total-count')).toBe(String(total));
      pages.push(...page.body);
    }
    expect(pages.map((p) => p.id)).toEqual(all.body.map((p) => p.id));
  });

  it('filters by account and status together', async () => {
    const path = `${PRODUCTS}?billingAccount.id=BA-1001,BA-2001&status=active`;
    const both = await get<Product[]>(sandbox.url, path, sandbox.tokens.agent);
    expect(both.body.length).toBeGreaterThan(0);
    expect(new Set(both.body.map((p) => p.billingAccount.id))).toEqual(new Set(['BA-1001', 'BA-2001']));
    expect(both.body.every((p) => p.status === 'active')).toBe(true);
  });
});
