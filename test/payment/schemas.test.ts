/**
 * Payment answers against the official TMF676, TMF670 and TMF666 definitions in ../shared/tmf
 * (beside the clone in CI, or TMF_SPEC_DIR); skipped where neither exists, outside CI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { asserter as validator, TMF_SPECS_MISSING } from '../helpers/tmf-schema.js';
import { ACCOUNTS, get, send } from '../sandbox/client.js';

let sandbox: TestSandbox;

describe.skipIf(TMF_SPECS_MISSING)('payment resources against the official TMF schemas', () => {
  beforeAll(async () => {
    sandbox = await startTestSandbox({ seedAnchor: '2026-11-01' });
  });
  afterAll(() => sandbox?.close());

  it('TMF676 Payment: seeded history and a new payment', async () => {
    const check = validator('TMF676-Payment-v4.0.0.swagger.json', 'Payment');
    const token = sandbox.tokens.james;
    const bills = (await get(sandbox.url, '/tmf-api/customerBillManagement/v4/customerBill?billingAccount.id=BA-2001&limit=1', token)).body;
    const value = { unit: 'CAD', value: 1 };
    const made = await send(sandbox.url, 'POST', '/paymentManagement/v4/payment', {
      token,
      contentType: 'application/json',
      headers: { 'idempotency-key': 'schema-check-0001' },
      body: JSON.stringify({
        account: { id: 'BA-2001' },
        totalAmount: value,
        paymentMethod: { id: 'PM-2001-1' },
        paymentItem: [{ item: { id: bills[0].id }, totalAmount: value }],
      }),
    });
    expect(made.status).toBe(201);
    check(made.body);
    const list = (await get(sandbox.url, '/paymentManagement/v4/payment?account.id=BA-2001', token)).body;
    expect(list.length).toBeGreaterThan(5);
    for (const payment of list) check(payment);
  });

  it('TMF670 PaymentMethod (TokenizedCard, BankAccountDebit) and TMF666 BillingAccount with its payment fields', async () => {
    const method = validator('TMF670-PaymentMethod-v4.0.0.swagger.json', 'PaymentMethod');
    const card = validator('TMF670-PaymentMethod-v4.0.0.swagger.json', 'TokenizedCard');
    const bank = validator('TMF670-PaymentMethod-v4.0.0.swagger.json', 'BankAccountDebit');
    for (const account of ['BA-1001', 'BA-2001']) {
      for (const m of (await get(sandbox.url, `/tmf-api/paymentMethod/v4/paymentMethod?account.id=${account}`, sandbox.tokens.agent)).body) {
        method(m);
        (m['@type'] === 'tokenizedCard' ? card : bank)(m);
      }
    }
    const billingAccount = validator('TMF666-Account-v4.1.0.swagger.json', 'BillingAccount');
    for (const a of (await get(sandbox.url, ACCOUNTS, sandbox.tokens.agent)).body) billingAccount(a);
  });
});
