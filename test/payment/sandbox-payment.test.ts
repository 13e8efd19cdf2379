import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, BILLS, get, send } from '../sandbox/client.js';
import { hold } from '../helpers/hold.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const PAYMENTS = '/paymentManagement/v4/payment';
const METHODS = '/tmf-api/paymentMethod/v4/paymentMethod';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

async function latestBill(token: string, account: string) {
  const { body } = await get(sandbox.url, `${BILLS}?billingAccount.id=${account}&limit=1`, token);
  return body[0];
}

function paymentBody(account: string, bill: string, value: number, method: string, key: string) {
  return {
    correlatorId: key,
    account: { id: account },
    totalAmount: { unit: 'CAD', value },
    paymentMethod: { id: method },
    paymentItem: [{ item: { id: bill }, totalAmount: { unit: 'CAD', value } }],
  };
}

function pay(token: string, key: string | undefined, body: unknown) {
  return send(sandbox.url, 'POST', PAYMENTS, {
    token,
    body: JSON.stringify(body),
    contentType: 'application/json',
    headers: key ? { 'idempotency-key': key } : {},
  });
}

async function balance(token: string, account: string): Promise<number> {
  const { body } = await get(sandbox.url, `${ACCOUNTS}/${account}`, token);
  return body.accountBalance.find((b: any) => b.balanceType === 'currentBalance').amount.value;
}

describe('POST payment', () => {
  it('requires an Idempotency-Key', async () => {
    const bill = await latestBill(sandbox.tokens.james, 'BA-2001');
    const res = await pay(sandbox.tokens.james, undefined, paymentBody('BA-2001', bill.id, 1, 'PM-2001-1', 'x'));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/Idempotency-Key/);
  });

  it('applies a partial then a full payment to the bill and the balance, and replays a repeat', async () => {
    const token = sandbox.tokens.marie;
    const bill = await latestBill(token, 'BA-1001');
    const owed = bill.remainingAmount.value;
    const before = await balance(token, 'BA-1001');
    const first = await pay(token, 'key-partial-0001', paymentBody('BA-1001', bill.id, 10, 'PM-1001-1', 'key-partial-0001'));
    expect(first.status).toBe(201);
    expect(first.body.correlatorId).toBe('key-partial-0001');
    expect(first.body.channel.name).toBe('online');
    const after = await get(sandbox.url, `${BILLS}/${bill.id}`, token);
    expect(after.body.state).toBe('partiallyPaid');
    expect(after.body.remainingAmount.value).toBeCloseTo(owed - 10, 2);
    expect(await balance(token, 'BA-1001')).toBeCloseTo(before - 10, 2);

    const again = await pay(token, 'key-partial-0001', paymentBody('BA-1001', bill.id, 10, 'PM-1001-1', 'key-partial-0001'));
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const stranger = await pay(sandbox.tokens.agent, 'key-partial-0001', paymentBody('BA-1001', bill.id, 10, 'PM-1001-1', 'key-partial-0001'));
    expect(stranger.status).toBe(409);
    expect(stranger.body.message).toMatch(/another caller/);
    const found = await get(sandbox.url, `${PAYMENTS}?correlatorId=key-partial-0001`, token);
    expect(found.body.map((p: any) => p.id)).toEqual([first.body.id]);

    const rest = Math.round((owed - 10) * 100) / 100;
    const full = await pay(token, 'key-full-00001', paymentBody('BA-1001', bill.id, rest, 'PM-1001-1', 'key-full-00001'));
    expect(full.status).toBe(201);
    const settled = await get(sandbox.url, `${BILLS}/${bill.id}`, token);
    expect(settled.body.state).toBe('settled');
    expect(settled.body.remainingAmount.value).toBe(0);
    const byBill = await get(sandbox.url, `${PAYMENTS}?paymentItem.item.id=${bill.id}`, token);
    expect(byBill.body.map((p: any) => p.id).sort()).toEqual([first.body.id, full.body.id].sort());

    const onSettled = await pay(token, 'key-settled-01', paymentBody('BA-1001', bill.id, 1, 'PM-1001-1', 'key-settled-01'));
    expect(onSettled.status).toBe(422);
    expect(onSettled.body.message).toMatch(/settled/);
  });

  it('answers 422 to the same key with a different body, and moves nothing', async () => {
    const token = sandbox.tokens.james;
    const bill = await latestBill(token, 'BA-2001');
    const ok = await pay(token, 'key-mismatch-01', paymentBody('BA-2001', bill.id, 5, 'PM-2001-1', 'key-mismatch-01'));
    expect(ok.status).toBe(201);
    const before = await balance(token, 'BA-2001');
    const other = await pay(token, 'key-mismatch-01', paymentBody('BA-2001', bill.id, 6, 'PM-2001-1', 'key-mismatch-01'));
    expect(other.status).toBe(422);
    expect(other.body['@type']).toBe('Error');
    expect(await balance(token, 'BA-2001')).toBe(before);
  });

  it('refuses overpayment and a declined card with TMF errors, moving nothing', async () => {
    const token = sandbox.tokens.luc;
    const bill = await latestBill(token, 'BA-3001');
    const before = await balance(token, 'BA-3001');
    const over = await pay(token, 'key-over-00001', paymentBody('BA-3001', bill.id, bill.remainingAmount.value + 1, 'PM-3001-1', 'key-over-00001'));
    expect(over.status).toBe(422);
    expect(over.body.message).toMatch(/more than what remains/);
    const declined = await pay(token, 'key-decline-01', paymentBody('BA-3001', bill.id, 1, 'PM-3001-1', 'key-decline-01'));
    expect(declined.status).toBe(422);
    expect(declined.body.message).toMatch(/declined/);
    expect(await balance(token, 'BA-3001')).toBe(before);
    const none = await get(sandbox.url, `${PAYMENTS}?correlatorId=key-decline-01`, token);
    expect(none.body).toEqual([]);
  });

  it('hides other accounts (404), lets an agent pay by phone, and refuses the CI client (403)', async () => {
    const bill = await latestBill(sandbox.tokens.agent, 'BA-2001');
    const foreign = await pay(sandbox.tokens.marie, 'key-foreign-01', paymentBody('BA-2001', bill.id, 1, 'PM-2001-1', 'key-foreign-01'));
    expect(foreign.status).toBe(404);
    const ci = await pay(sandbox.tokens.ci, 'key-ci-000001', paymentBody('BA-2001', bill.id, 1, 'PM-2001-1', 'key-ci-000001'));
    expect(ci.status).toBe(403);
    const agent = await pay(sandbox.tokens.agent, 'key-agent-0001', paymentBody('BA-2001', bill.id, 2, 'PM-2001-1', 'key-agent-0001'));
    expect(agent.status).toBe(201);
    expect(agent.body.channel.name).toBe('phone');
    const seen = await get(sandbox.url, `${PAYMENTS}/${agent.body.id}`, sandbox.tokens.james);
    expect(seen.status).toBe(200);
    expect((await get(sandbox.url, `${PAYMENTS}/${agent.body.id}`, sandbox.tokens.marie)).status).toBe(404);
  });

  it('lists seeded history by account, newest first', async () => {
    const res = await get(sandbox.url, `${PAYMENTS}?account.id=BA-1001&limit=3`, sandbox.tokens.marie);
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(3);
    expect(Number(res.headers.get('x-total-count'))).toBeGreaterThanOrEqual(11);
    expect(res.body[0].paymentItem[0].item['@referredType']).toBe('CustomerBill');
  });
});

describe('payment methods', () => {
  it('tokenizes cards and encrypts bank accounts: the database file holds neither in clear', async () => {
    const token = sandbox.tokens.james;
    const card = await send(sandbox.url, 'POST', METHODS, {
      token,
      contentType: 'application/json',
      body: JSON.stringify({ '@type': 'bankCard', account: [{ id: 'BA-2001' }], cardNumber: '5555555555554444', expirationDate: '2031-04', cvv: '737' }),
    });
    expect(card.status).toBe(201);
    expect(card.body).toMatchObject({ '@type': 'tokenizedCard', brand: 'Mastercard', lastFourDigits: '4444', expirationDate: '2031-04-30T23:59:59Z' });
    expect(JSON.stringify(card.body)).not.toMatch(/5555555555554444|tok_/);
    // No CVV field or value (ids and links are random and may hold the digits 737 anywhere).
    expect(JSON.stringify(card.body)).not.toMatch(/"(?:cvv|cvc|securityCode)"|"737"|:737[,}]/i);
    const bank = await send(sandbox.url, 'POST', METHODS, {
      token,
      contentType: 'application/json',
      body: JSON.stringify({
        '@type': 'bankAccountDebit',
        account: [{ id: 'BA-2001' }],
        institutionNumber: '815',
        transitNumber: '20001',
        accountNumber: '98765432101',
      }),
    });
    expect(bank.status).toBe(201);
    expect(bank.body.accountNumber).toBe('•••• 2101');
    const bad = await send(sandbox.url, 'POST', METHODS, {
      token,
      contentType: 'application/json',
      body: JSON.stringify({ '@type': 'bankCard', account: [{ id: 'BA-2001' }], cardNumber: '4242424242424241', expirationDate: '2031-04', cvv: '123' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/Luhn/);

    const list = await get(sandbox.url, `${METHODS}?account.id=BA-2001`, token);
    expect(list.body.map((m: any) => m.id)).toContain(card.body.id);
    expect(list.body.find((m: any) => m.id === 'PM-2001-1').isPreferred).toBe(true);

    const files = ['sandbox.db', 'sandbox.db-wal'].map((name) => {
      try {
        return readFileSync(join(sandbox.dataDir, name)).toString('latin1');
      } catch {
        return '';
      }
    });
    const raw = files.join('');
    expect(raw).toContain('BA-2001'); // the file was read
    for (const secret of ['5555555555554444', '98765432101', '1234567896789', '4242424242424242', 'tok_']) expect(raw).not.toContain(secret);
  });
});

describe('idempotency over time and concurrency', () => {
  it('keeps a key at least 24 hours by the sandbox clock, and answers 409 while the first request runs', async () => {
    let now = Date.now();
    const gateway = hold();
    const slow = await startTestSandbox({ now: () => new Date(now), holdPayments: gateway.wait });
    try {
      const token = slow.tokens.marie;
      const { body: bills } = await get(slow.url, `${BILLS}?billingAccount.id=BA-1001&limit=1`, token);
      const body = paymentBody('BA-1001', bills[0].id, 3, 'PM-1001-1', 'key-concurrent-1');
      const post = () =>
        send(slow.url, 'POST', PAYMENTS, {
          token,
          body: JSON.stringify(body),
          contentType: 'application/json',
          headers: { 'idempotency-key': 'key-concurrent-1' },
        });
      const first = post();
      // The first is held in the simulated gateway, its key reserved, until the repeat has been answered.
      await gateway.reached;
      const second = await post();
      gateway.release();
      expect(second.status).toBe(409);
      expect((await first).status).toBe(201);
      // One second short of 24 hours: the key must still answer with the stored payment.
      now += 24 * 3600 * 1000 - 1000;
      const replay = await post();
      expect(replay.status).toBe(201);
      expect(replay.body.id).toBe((await first).body.id);
      const all = await get(slow.url, `${PAYMENTS}?correlatorId=key-concurrent-1`, token);
      expect(all.body).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });
});

describe('billingAccount payment fields', () => {
  async function patchAccount(token: string, account: string, changes: object) {
    const current = (await get(sandbox.url, `${ACCOUNTS}/${account}`, sandbox.tokens.agent)).body;
    return send(sandbox.url, 'PATCH', `${ACCOUNTS}/${account}`, {
      token,
      contentType: 'application/merge-patch+json',
      body: JSON.stringify({ name: current.name, relatedParty: current.relatedParty, ...changes }),
    });
  }
  const autopay = (value: boolean, terms?: boolean) => ({
    characteristic: [{ name: 'autopay', value }, ...(terms === undefined ? [] : [{ name: 'autopayTermsAccepted', value: terms }])],
  });

  it('turns autopay on only with the agreement accepted and a method on file; the default cannot be removed', async () => {
    const token = sandbox.tokens.james;
    expect((await patchAccount(token, 'BA-2001', autopay(true))).status).toBe(422);
    expect((await patchAccount(token, 'BA-2001', { defaultPaymentMethod: { id: 'PM-1001-1' }, ...autopay(true, true) })).status).toBe(422);
    expect((await patchAccount(sandbox.tokens.ci, 'BA-2001', autopay(true, true))).status).toBe(403);
    expect((await patchAccount(sandbox.tokens.marie, 'BA-2001', autopay(true, true))).status).toBe(404);
    expect((await patchAccount(token, 'BA-2001', { characteristic: [{ name: 'color', value: true }] })).status).toBe(400);

    const on = await patchAccount(token, 'BA-2001', autopay(true, true));
    expect(on.status).toBe(200);
    expect(on.body.characteristic).toContainEqual({ name: 'autopay', valueType: 'boolean', value: true });
    expect(on.body.defaultPaymentMethod.id).toBe('PM-2001-1');
    const removeDefault = await send(sandbox.url, 'DELETE', `${METHODS}/PM-2001-1`, { token });
    expect(removeDefault.status).toBe(409);
    const off = await patchAccount(token, 'BA-2001', autopay(false));
    expect(off.body.characteristic).toContainEqual({ name: 'autopay', valueType: 'boolean', value: false });
  });
});
