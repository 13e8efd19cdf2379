import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ACCOUNTS, BILLS, RATES, USERINFO, get } from './client.js';

let sandbox: TestSandbox;
let agent: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAnchor: '2026-11-01' });
  agent = sandbox.tokens.agent;
});
afterAll(() => sandbox?.close());

const list = (path: string, token = agent) => get(sandbox.url, path, token);
const ids = (body: any[]) => body.map((item) => item.id);

const expectBadRequest = async (path: string, mentioning: string) => {
  const res = await list(path);
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ code: '400', status: '400', reason: 'Bad Request', '@type': 'Error' });
  expect(res.body.message).toContain(mentioning);
};

describe('customerBill list', () => {
  it('filters by account, newest first, with total and result counts', async () => {
    const res = await list(`${BILLS}?billingAccount.id=BA-1001`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe('12');
    expect(res.headers.get('x-result-count')).toBe('12');
    expect(res.body[0].id).toBe('CB-1001-202611');
    const dates = res.body.map((b: any) => b.billDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const oldestFirst = await list(`${BILLS}?billingAccount.id=BA-1001&sort=billDate`);
    expect(ids(oldestFirst.body)).toEqual(ids(res.body).reverse());
    const two = await list(`${BILLS}?billingAccount.id=BA-1001,BA-2001`);
    expect(two.headers.get('x-total-count')).toBe('24');
  });

  it('pages with offset and limit', async () => {
    const all = ids((await list(`${BILLS}?billingAccount.id=BA-2001`)).body);
    const page = await list(`${BILLS}?billingAccount.id=BA-2001&offset=10&limit=5`);
    expect(page.headers.get('x-total-count')).toBe('12');
    expect(page.headers.get('x-result-count')).toBe('2');
    expect(ids(page.body)).toEqual(all.slice(10));
    const middle = await list(`${BILLS}?billingAccount.id=BA-2001&offset=3&limit=4`);
    expect(ids(middle.body)).toEqual(all.slice(3, 7));
    const countOnly = await list(`${BILLS}?limit=0`);
    expect(countOnly.body).toEqual([]);
    expect(countOnly.headers.get('x-total-count')).toBe('36');
    const beyond = await list(`${BILLS}?offset=500`);
    expect(beyond.body).toEqual([]);
    expect(beyond.headers.get('x-result-count')).toBe('0');
  });

  it('defaults to 100 items and refuses more than 1000 or malformed paging', async () => {
    const lines = await list(RATES);
    expect(lines.body).toHaveLength(100);
    expect(Number(lines.headers.get('x-total-count'))).toBeGreaterThan(150);
    await expectBadRequest(`${BILLS}?limit=1001`, 'limit');
    await expectBadRequest(`${BILLS}?limit=-1`, 'limit');
    await expectBadRequest(`${BILLS}?limit=ten`, 'limit');
    await expectBadRequest(`${BILLS}?offset=1.5`, 'offset');
    await expectBadRequest(`${BILLS}?limit=1&limit=2`, 'limit');
  });

  it('filters by state', async () => {
    const settled = await list(`${BILLS}?state=settled&limit=1000`);
    expect(settled.body.length).toBeGreaterThan(20);
    expect(settled.body.every((b: any) => b.state === 'settled')).toBe(true);
    const open = await list(`${BILLS}?state=sent,partiallyPaid`);
    expect(new Set(open.body.map((b: any) => b.state))).toEqual(new Set(['sent', 'partiallyPaid']));
    expect(Number(open.headers.get('x-total-count')) + settled.body.length).toBe(36);
    await expectBadRequest(`${BILLS}?state=paid`, 'settled');
  });

  it('filters by bill date range; a bare date covers its whole day', async () => {
    const count = async (query: string) => Number((await list(`${BILLS}?billingAccount.id=BA-1001&${query}`)).headers.get('x-total-count'));
    expect(await count('billDate.gte=2026-06-01')).toBe(6);
    expect(await count('billDate.gt=2026-06-01')).toBe(5);
    expect(await count('billDate.lte=2026-06-01')).toBe(7);
    expect(await count('billDate.lt=2026-06-01')).toBe(6);
    expect(await count('billDate.gte=2026-06-01&billDate.lt=2026-09-01')).toBe(3);
    expect(await count('billDate.gt=2026-06-01T11:59:59Z')).toBe(6);
    expect(await count('billDate.gt=2026-06-01T12:00:00.000Z')).toBe(5);
    expect(await count('billDate.gte=2026-06-01T08:00:00-04:00')).toBe(6);
    await expectBadRequest(`${BILLS}?billDate.gte=June`, 'billDate.gte');
    await expectBadRequest(`${BILLS}?billDate.gte=2026-13-01`, 'billDate.gte');
  });

  it('returns only the requested fields, plus id, href and @type', async () => {
    const res = await list(`${BILLS}?billingAccount.id=BA-3001&fields=billDate,amountDue&limit=2`);
    expect(res.body).toHaveLength(2);
    for (const bill of res.body) expect(Object.keys(bill).sort()).toEqual(['@type', 'amountDue', 'billDate', 'href', 'id']);
    const one = await list(`${BILLS}/CB-3001-202611?fields=taxItem,billingAccount.id`);
    expect(Object.keys(one.body).sort()).toEqual(['@type', 'billingAccount', 'href', 'id', 'taxItem']);
    expect(one.body.taxItem).toHaveLength(2);
  });

  it('refuses unknown parameters and sorts, naming what is supported', async () => {
    await expectBadRequest(`${BILLS}?billingAccountId=BA-1001`, 'billingAccount.id');
    await expectBadRequest(`${BILLS}?sort=amountDue`, '-billDate');
    await expectBadRequest(`${BILLS}/CB-1001-202611?limit=1`, 'limit');
  });
});

describe('appliedCustomerBillingRate list', () => {
  it("lists a bill's line items in bill order", async () => {
    const res = await list(`${RATES}?bill.id=CB-1001-202611`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe(String(res.body.length));
    expect(ids(res.body)).toEqual(ids(res.body).slice().sort());
    expect(res.body.every((l: any) => l.bill.id === 'CB-1001-202611')).toBe(true);
    const page = await list(`${RATES}?bill.id=CB-1001-202611&offset=2&limit=3`);
    expect(ids(page.body)).toEqual(ids(res.body).slice(2, 5));
    const byAccount = await list(`${RATES}?billingAccount.id=BA-2001&limit=1000&fields=billingAccount`);
    expect(byAccount.body.every((l: any) => l.billingAccount.id === 'BA-2001')).toBe(true);
    expect(Object.keys(byAccount.body[0]).sort()).toEqual(['@type', 'billingAccount', 'href', 'id']);
    const one = await list(`${RATES}/${res.body[0].id}`);
    expect(one.body).toEqual(res.body[0]);
  });
});

describe('billingAccount list', () => {
  it('lists accounts, filtered by id', async () => {
    const all = await list(ACCOUNTS);
    expect(ids(all.body)).toEqual(['BA-1001', 'BA-2001', 'BA-3001']);
    expect(all.headers.get('x-total-count')).toBe('3');
    const some = await list(`${ACCOUNTS}?id=BA-3001,BA-1001,BA-0000`);
    expect(ids(some.body)).toEqual(['BA-1001', 'BA-3001']);
    const fields = await list(`${ACCOUNTS}?fields=paymentStatus&limit=1`);
    expect(Object.keys(fields.body[0]).sort()).toEqual(['@type', 'href', 'id', 'paymentStatus']);
    expect(fields.headers.get('x-result-count')).toBe('1');
  });

  it('describes the account: balances, owner, address, bill delivery', async () => {
    const { body } = await list(`${ACCOUNTS}/BA-1001`);
    expect(body).toMatchObject({
      id: 'BA-1001',
      name: 'Marie Tremblay',
      state: 'active',
      accountType: 'residential',
      relatedParty: [{ id: 'IND-1001', name: 'Marie Tremblay', role: 'owner', '@referredType': 'Individual' }],
      billStructure: { presentationMedia: [{ name: 'electronic' }] },
      '@type': 'BillingAccount',
    });
    expect(body.accountBalance.map((b: any) => b.balanceType)).toEqual(['currentBalance', 'overdueBalance']);
    const postal = body.contact[0].contactMedium.find((m: any) => m.mediumType === 'postalAddress');
    expect(postal.characteristic).toMatchObject({ city: 'Montréal', stateOrProvince: 'QC', postCode: 'H2X 1Y4', country: 'CA' });
  });
});

describe('userinfo list', () => {
  it('has the list headers and supports fields', async () => {
    const res = await list(`${USERINFO}?fields=locale`, sandbox.tokens.luc);
    expect(res.headers.get('x-result-count')).toBe('1');
    expect(res.body).toEqual([{ sub: 'IND-3001', locale: 'fr-CA' }]);
  });
});
