/** The plan area's answers against the official TMF637, TMF622, TMF635 and TMF678 definitions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { expectValid, TMF_SPECS_MISSING, validator as tmfDefinition } from '../helpers/tmf-schema.js';
import { get, send } from '../sandbox/client.js';

let sandbox: TestSandbox;

const post = (path: string, body: unknown) =>
  send(sandbox.url, 'POST', path, { token: sandbox.tokens.marie, contentType: 'application/json', body: JSON.stringify(body) });

describe.skipIf(TMF_SPECS_MISSING)('plan-area responses against the official TMF schemas', () => {
  beforeAll(async () => {
    sandbox = await startTestSandbox({ seedAnchor: '2026-11-01', now: () => new Date('2026-11-17T15:00:00Z') });
  });
  afterAll(() => sandbox?.close());

  it('TMF637 Product, TMF622 ProductOrder, TMF635 Usage, TMF678 CustomerBillOnDemand and its proration lines', async () => {
    const product = tmfDefinition('TMF637-ProductInventory-v4.0.0.swagger.json', 'Product');
    for (const p of (await get(sandbox.url, '/tmf-api/productInventory/v4/product?billingAccount.id=BA-1001', sandbox.tokens.marie)).body)
      expectValid(product, p);

    const order = await post('/tmf-api/productOrderingManagement/v4/productOrder', {
      productOrderItem: [{ action: 'modify', product: { id: 'PRD-1001-INT' }, productOffering: { id: 'OFF-INT-GIGA-PLUS' } }],
    });
    expect(order.status).toBe(201);
    expectValid(tmfDefinition('TMF622-ProductOrdering-v4.0.0.swagger.json', 'ProductOrder'), order.body);

    const usage = tmfDefinition('TMF635-Usage-v4.0.0.swagger.json', 'Usage');
    for (const u of (await get(sandbox.url, '/tmf-api/usageManagement/v4/usage?billingAccount.id=BA-1001&limit=10', sandbox.tokens.marie)).body)
      expectValid(usage, u);

    const made = await post('/tmf-api/customerBillManagement/v4/customerBillOnDemand', { billingAccount: { id: 'BA-1001' } });
    expectValid(tmfDefinition('TMF678-Customer_Bill-v4.0.0.swagger.json', 'CustomerBillOnDemand'), made.body);
    const rate = tmfDefinition('TMF678-Customer_Bill-v4.0.0.swagger.json', 'AppliedCustomerBillingRate');
    const lines = (
      await get(sandbox.url, `/tmf-api/customerBillManagement/v4/appliedCustomerBillingRate?bill.id=${made.body.customerBill.id}`, sandbox.tokens.marie)
    ).body;
    expect(lines.some((l: any) => l.appliedBillingRateType === 'proration')).toBe(true);
    for (const l of lines) expectValid(rate, l);
  });
});
