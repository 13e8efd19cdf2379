/**
 * Payment answers against the official TMF676, TMF670 and TMF666 definitions in ../shared/tmf
 * (beside the clone in CI, or ESPACE_TMF_SPECS); skipped where neither exists, outside CI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ACCOUNTS, get, send } from '../sandbox/client.js';

const specDir = process.env.ESPACE_TMF_SPECS ?? resolve(import.meta.dirname, '../../../shared/tmf');
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

function validator(file: string, definition: string) {
  const spec = JSON.parse(readFileSync(join(specDir, file), 'utf8')) as { definitions: Record<string, unknown> };
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  for (const format of ['float', 'double', 'int32', 'int64']) ajv.addFormat(format, true);
  const validate = ajv.compile({ definitions: spec.definitions, $ref: `#/definitions/${definition}` });
  return (data: unknown) => {
    const ok = validate(data);
    expect(ok ? null : validate.errors).toBeNull();
  };
}

let sandbox: TestSandbox;

describe.skipIf(!existsSync(specDir) && process.env.CI !== 'true')('payment resources against the official TMF schemas', () => {
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
      body: JSON.stringify({ account: { id: 'BA-2001' }, totalAmount: value, paymentMethod: { id: 'PM-2001-1' }, paymentItem: [{ item: { id: bills[0].id }, totalAmount: value }] }),
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
