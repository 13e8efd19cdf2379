import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ACCOUNTS, BILLS, RATES, USERINFO, get, send } from './client.js';

let sandbox: TestSandbox;
const ANCHOR = '2026-11-01';
const JAMES_BILL = 'CB-2001-202611';
const JAMES_LINE = 'ACBR-2001-202611-01';

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAnchor: ANCHOR });
});
afterAll(() => sandbox?.close());

const expectNotFound = (res: { status: number; body: any }) => {
  expect(res.status).toBe(404);
  expect(res.body).toMatchObject({ code: '404', status: '404', reason: 'Not Found', '@type': 'Error' });
};

describe('a customer', () => {
  it("gets 404, never 403, for another customer's bill, line item and account", async () => {
    const { marie } = sandbox.tokens;
    expectNotFound(await get(sandbox.url, `${BILLS}/${JAMES_BILL}`, marie));
    expectNotFound(await get(sandbox.url, `${RATES}/${JAMES_LINE}`, marie));
    expectNotFound(await get(sandbox.url, `${ACCOUNTS}/BA-2001`, marie));
    // The answer for someone else's bill is the same as for a bill that does not exist.
    const missing = await get(sandbox.url, `${BILLS}/CB-9999-202611`, marie);
    const foreign = await get(sandbox.url, `${BILLS}/${JAMES_BILL}`, marie);
    expect(foreign.body.message.replace(JAMES_BILL, 'X')).toBe(missing.body.message.replace('CB-9999-202611', 'X'));
  });

  it('cannot change another customer account either', async () => {
    const res = await send(sandbox.url, 'PATCH', `${ACCOUNTS}/BA-2001`, {
      token: sandbox.tokens.marie,
      contentType: 'application/merge-patch+json',
      body: JSON.stringify({ name: 'Mine now' }),
    });
    expectNotFound(res);
    const james = await get(sandbox.url, `${ACCOUNTS}/BA-2001`, sandbox.tokens.james);
    expect(james.body.name).toBe('James Wilson');
  });

  it('lists only their own bills, line items and accounts, whatever the filter', async () => {
    const { marie } = sandbox.tokens;
    const own = await get(sandbox.url, `${BILLS}?limit=1000`, marie);
    expect(own.body).toHaveLength(12);
    expect(own.body.every((b: any) => b.billingAccount.id === 'BA-1001')).toBe(true);
    const foreign = await get(sandbox.url, `${BILLS}?billingAccount.id=BA-2001`, marie);
    expect(foreign.status).toBe(200);
    expect(foreign.body).toEqual([]);
    expect(foreign.headers.get('x-total-count')).toBe('0');
    expect((await get(sandbox.url, `${RATES}?bill.id=${JAMES_BILL}`, marie)).body).toEqual([]);
    const lines = await get(sandbox.url, `${RATES}?limit=1000`, marie);
    expect(lines.body.every((l: any) => l.billingAccount.id === 'BA-1001')).toBe(true);
    const accounts = await get(sandbox.url, ACCOUNTS, marie);
    expect(accounts.body.map((a: any) => a.id)).toEqual(['BA-1001']);
  });

  it('accepts the current parties in a patch (TMF666 requires them) but refuses to change them', async () => {
    const { marie } = sandbox.tokens;
    const current = await get(sandbox.url, `${ACCOUNTS}/BA-1001`, marie);
    const patch = (relatedParty: unknown) =>
      send(sandbox.url, 'PATCH', `${ACCOUNTS}/BA-1001`, {
        token: marie,
        contentType: 'application/json',
        body: JSON.stringify({ name: current.body.name, relatedParty }),
      });
    expect((await patch(current.body.relatedParty)).status).toBe(200);
    const changed = await patch([{ id: 'IND-2001', name: 'James Wilson', role: 'owner', '@referredType': 'Individual' }]);
    expect(changed.status).toBe(400);
    expect(changed.body.message).toMatch(/relatedParty.*cannot be changed/);
  });

  it('can change the name and bill delivery of their own account', async () => {
    const patch = await send(sandbox.url, 'PATCH', `${ACCOUNTS}/BA-1001`, {
      token: sandbox.tokens.marie,
      contentType: 'application/merge-patch+json',
      body: JSON.stringify({ name: 'Maison', billStructure: { presentationMedia: [{ name: 'paper' }] } }),
    });
    expect(patch.status).toBe(200);
    expect(patch.body.name).toBe('Maison');
    expect(patch.body.billStructure.presentationMedia).toEqual([{ id: 'paper', name: 'paper' }]);
    expect(patch.body.billStructure.cycleSpecification.frequency).toBe('monthly');
    const after = await get(sandbox.url, `${ACCOUNTS}/BA-1001`, sandbox.tokens.marie);
    expect(after.body.name).toBe('Maison');
    expect(after.body.billStructure.presentationMedia[0].name).toBe('paper');
    const back = await send(sandbox.url, 'PATCH', `${ACCOUNTS}/BA-1001`, {
      token: sandbox.tokens.marie,
      contentType: 'application/json',
      body: JSON.stringify({ billStructure: { presentationMedia: [{ name: 'electronic' }] } }),
    });
    expect(back.body.billStructure.presentationMedia[0].name).toBe('electronic');
    expect(back.body.name).toBe('Maison');
  });
});

describe('an agent', () => {
  it('reads every account, bill and line item', async () => {
    const { agent } = sandbox.tokens;
    for (const id of ['BA-1001', 'BA-2001', 'BA-3001']) expect((await get(sandbox.url, `${ACCOUNTS}/${id}`, agent)).status).toBe(200);
    expect((await get(sandbox.url, `${BILLS}/${JAMES_BILL}`, agent)).status).toBe(200);
    expect((await get(sandbox.url, `${RATES}/${JAMES_LINE}`, agent)).status).toBe(200);
    const all = await get(sandbox.url, `${BILLS}?limit=1000&fields=id`, agent);
    expect(all.body).toHaveLength(36);
    const info = await get(sandbox.url, USERINFO, agent);
    expect(info.body[0].userAssets).toEqual([expect.objectContaining({ id: '*', role: 'agent' })]);
  });
});

describe('the CI client', () => {
  it('reads (200) but may not write (403)', async () => {
    const { ci } = sandbox.tokens;
    expect((await get(sandbox.url, `${ACCOUNTS}/BA-3001`, ci)).status).toBe(200);
    expect((await get(sandbox.url, `${BILLS}?billingAccount.id=BA-3001`, ci)).body).toHaveLength(12);
    const write = await send(sandbox.url, 'PATCH', `${ACCOUNTS}/BA-3001`, {
      token: ci,
      contentType: 'application/merge-patch+json',
      body: JSON.stringify({ name: 'CI was here' }),
    });
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ code: '403', status: '403', reason: 'Forbidden', '@type': 'Error' });
    expect((await get(sandbox.url, `${ACCOUNTS}/BA-3001`, ci)).body.name).toBe('Luc Gagnon');
  });

  it('sees its client identity in userinfo', async () => {
    const info = await get(sandbox.url, USERINFO, sandbox.tokens.ci);
    expect(info.body).toEqual([
      expect.objectContaining({ sub: 'espace-ci', name: expect.any(String), userAssets: [expect.objectContaining({ role: 'ci', id: '*' })] }),
    ]);
  });
});

describe('userinfo', () => {
  it('is a one-element array describing the caller, with their accounts', async () => {
    const res = await get(sandbox.url, USERINFO, sandbox.tokens.james);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe('1');
    expect(res.body).toEqual([
      expect.objectContaining({
        sub: 'IND-2001',
        name: 'James Wilson',
        given_name: 'James',
        family_name: 'Wilson',
        preferred_username: 'james.wilson',
        email: 'james.wilson@example.com',
        locale: 'en-CA',
        userAssets: [expect.objectContaining({ entityType: 'BillingAccount', id: 'BA-2001', role: 'owner' })],
      }),
    ]);
    expect((await get(sandbox.url, `${USERINFO}/IND-2001`, sandbox.tokens.james)).body.sub).toBe('IND-2001');
    expect((await get(sandbox.url, `${USERINFO}/IND-1001`, sandbox.tokens.james)).status).toBe(404);
    expect((await get(sandbox.url, USERINFO, sandbox.tokens.marie)).body[0].locale).toBe('fr-CA');
  });
});
