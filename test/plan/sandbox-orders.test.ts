/** The sandbox's catalog, inventory, ordering and next bill on demand, over real HTTP. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { get, send } from '../sandbox/client.js';

const OFFERINGS = '/tmf-api/productCatalogManagement/v4/productOffering';
const PRODUCTS = '/tmf-api/productInventory/v4/product';
const ORDERS = '/tmf-api/productOrderingManagement/v4/productOrder';
const ON_DEMAND = '/tmf-api/customerBillManagement/v4/customerBillOnDemand';
const RATES = '/tmf-api/customerBillManagement/v4/appliedCustomerBillingRate';
const BILLS = '/tmf-api/customerBillManagement/v4/customerBill';

/** 17 November 2026: 14 days (17–30) remain in the 30-day cycle. */
const NOW = new Date('2026-11-17T15:00:00Z');
let sandbox: TestSandbox;

beforeEach(async () => {
  sandbox = await startTestSandbox({ seedAnchor: '2026-11-01', now: () => NOW });
});
afterEach(async () => {
  await sandbox.close();
});

const order = (token: string, body: unknown) => send(sandbox.url, 'POST', ORDERS, { token, body: JSON.stringify(body), contentType: 'application/json' });
const modify = (productId: string, offeringId: string) => ({
  productOrderItem: [{ id: '1', action: 'modify', product: { id: productId }, productOffering: { id: offeringId } }],
});
const cents = (money: { value: number }) => Math.round(money.value * 100);

async function ordersOf(token: string, account: string): Promise<unknown[]> {
  return (await get(sandbox.url, `${ORDERS}?billingAccount.id=${account}`, token)).body;
}

describe('catalog and inventory', () => {
  it('lists offers with prices, terms and allowances, filtered by service', async () => {
    const mobile = await get(sandbox.url, `${OFFERINGS}?serviceType=mobile`, sandbox.tokens.marie);
    expect(mobile.status).toBe(200);
    expect(mobile.body.length).toBeGreaterThanOrEqual(3);
    const twenty = mobile.body.find((o: any) => o.id === 'OFF-MOB-20');
    expect(twenty.productOfferingPrice[0].price).toEqual({ unit: 'CAD', value: 55 });
    expect(twenty.prodSpecCharValueUse.find((c: any) => c.name === 'dataAllowance').productSpecCharacteristicValue[0]).toEqual({
      value: 20,
      unitOfMeasure: 'GB',
    });
    expect(mobile.body.every((o: any) => o.serviceType === 'mobile')).toBe(true);
  });

  it('maps seeded products to catalog offers, and hides other accounts', async () => {
    const mine = await get(sandbox.url, `${PRODUCTS}?billingAccount.id=BA-1001`, sandbox.tokens.marie);
    expect(mine.body.map((p: any) => p.productOffering?.id)).toContain('OFF-INT-GIGA');
    expect(mine.body.every((p: any) => p.productOffering)).toBe(true);
    const internet = mine.body.find((p: any) => p.id === 'PRD-1001-INT');
    expect(internet.productTerm[0].validFor.endDateTime).toBe('2027-07-01T12:00:00.000Z');
    expect((await get(sandbox.url, `${PRODUCTS}/PRD-2001-INT`, sandbox.tokens.marie)).status).toBe(404);
  });
});

describe('ordering', () => {
  it('completes a plan change, applies it to the inventory and records its states', async () => {
    const placed = await order(sandbox.tokens.marie, modify('PRD-1001-INT', 'OFF-INT-GIGA-PLUS'));
    expect(placed.status).toBe(201);
    expect(placed.body.state).toBe('completed');
    expect(placed.body.stateChange.map((s: any) => s.state)).toEqual(['acknowledged', 'inProgress', 'completed']);
    const product = await get(sandbox.url, `${PRODUCTS}/PRD-1001-INT`, sandbox.tokens.marie);
    expect(product.body.productOffering.id).toBe('OFF-INT-GIGA-PLUS');
    expect(product.body.productPrice[0].price.dutyFreeAmount.value).toBe(99);
    expect((await get(sandbox.url, `${ORDERS}/${placed.body.id}`, sandbox.tokens.marie)).body.id).toBe(placed.body.id);
  });

  it.each([
    ['an unknown offer', modify('PRD-1001-INT', 'OFF-NOPE'), 422, /unknown product offering/],
    ['an incompatible offer', modify('PRD-1001-INT', 'OFF-MOB-50'), 422, /not compatible/],
    ['a downgrade inside the contract term', modify('PRD-1001-INT', 'OFF-INT-400'), 422, /under contract until 2027-07-01/],
    [
      'an add-on for a missing service',
      { billingAccount: { id: 'BA-2001' }, productOrderItem: [{ action: 'add', productOffering: { id: 'OFF-ADD-FILM' } }] },
      422,
      /requires a tv service/,
    ],
    [
      'an add-on incompatible with the plan',
      { billingAccount: { id: 'BA-3001' }, productOrderItem: [{ action: 'add', productOffering: { id: 'OFF-ADD-SPORTS' } }] },
      422,
      /not compatible with the current tv plan/,
    ],
    [
      'an add-on already held',
      { billingAccount: { id: 'BA-1001' }, productOrderItem: [{ action: 'add', productOffering: { id: 'OFF-ADD-FILM' } }] },
      422,
      /already has/,
    ],
    ['removing a service', { productOrderItem: [{ action: 'delete', product: { id: 'PRD-1001-TV' } }] }, 422, /only add-ons/],
    ["another customer's product", modify('PRD-2001-INT', 'OFF-INT-GIGA'), 404, /no product/],
    ['an unknown action', { productOrderItem: [{ action: 'suspend', product: { id: 'PRD-1001-TV' } }] }, 400, /action must be/],
  ])('refuses %s with a TMF error and orders nothing', async (_name, body, status, message) => {
    const token =
      (body as any).billingAccount?.id === 'BA-2001'
        ? sandbox.tokens.james
        : (body as any).billingAccount?.id === 'BA-3001'
          ? sandbox.tokens.luc
          : sandbox.tokens.marie;
    const account = (body as any).billingAccount?.id ?? 'BA-1001';
    const before = await get(sandbox.url, `${PRODUCTS}?billingAccount.id=${account}`, token);
    const refused = await order(token, body);
    expect(refused.status).toBe(status);
    expect(refused.body['@type']).toBe('Error');
    expect(refused.body.message).toMatch(message);
    expect(await ordersOf(token, account)).toEqual([]);
    expect((await get(sandbox.url, `${PRODUCTS}?billingAccount.id=${account}`, token)).body).toEqual(before.body);
  });

  it('refuses a whole order when one of its items fails', async () => {
    const refused = await order(sandbox.tokens.marie, {
      billingAccount: { id: 'BA-1001' },
      productOrderItem: [
        { action: 'add', productOffering: { id: 'OFF-ADD-WIFI' } },
        { action: 'modify', product: { id: 'PRD-1001-INT' }, productOffering: { id: 'OFF-INT-100' } },
      ],
    });
    expect(refused.status).toBe(422);
    const products = (await get(sandbox.url, `${PRODUCTS}?billingAccount.id=BA-1001`, sandbox.tokens.marie)).body;
    expect(products.some((p: any) => p.productOffering?.id === 'OFF-ADD-WIFI')).toBe(false);
  });

  it('rejects, with a reason, an order that raises the bill of an account long past due, and changes nothing', async () => {
    const before = (await get(sandbox.url, `${PRODUCTS}?billingAccount.id=BA-3001`, sandbox.tokens.luc)).body;
    const rejected = await order(sandbox.tokens.luc, {
      billingAccount: { id: 'BA-3001' },
      productOrderItem: [{ action: 'add', productOffering: { id: 'OFF-ADD-WIFI' } }],
    });
    expect(rejected.status).toBe(201);
    expect(rejected.body.state).toBe('rejected');
    expect(rejected.body.stateChange.map((s: any) => s.state)).toEqual(['acknowledged', 'rejected']);
    expect(rejected.body.note[0].text).toMatch(/more than 30 days past due/);
    expect((await get(sandbox.url, `${PRODUCTS}?billingAccount.id=BA-3001`, sandbox.tokens.luc)).body).toEqual(before);
    // Removing an add-on lowers the bill: accepted.
    const removal = await order(sandbox.tokens.luc, { productOrderItem: [{ action: 'delete', product: { id: 'PRD-3001-PVR' } }] });
    expect(removal.body.state).toBe('completed');
  });

  it('is read-only for the CI client', async () => {
    const refused = await order(sandbox.tokens.ci, modify('PRD-1001-INT', 'OFF-INT-GIGA-PLUS'));
    expect(refused.status).toBe(403);
  });
});

describe('the next bill on demand', () => {
  it('charges the month, prorates the plan change to the cent, and taxes like the ledger', async () => {
    expect((await order(sandbox.tokens.marie, modify('PRD-1001-INT', 'OFF-INT-GIGA-PLUS'))).status).toBe(201);
    const made = await send(sandbox.url, 'POST', ON_DEMAND, {
      token: sandbox.tokens.marie,
      body: JSON.stringify({ billingAccount: { id: 'BA-1001' } }),
      contentType: 'application/json',
    });
    expect(made.status).toBe(201);
    expect(made.body.state).toBe('done');
    const billId = made.body.customerBill.id;
    expect(billId).toBe('CB-1001-202612');
    const lines = (await get(sandbox.url, `${RATES}?bill.id=${billId}`, sandbox.tokens.marie)).body;
    const prorations = lines.filter((l: any) => l.appliedBillingRateType === 'proration');
    // 14 of 30 days: 85.00 × 14/30 = 39.666… → 39.67 credited; 99.00 × 14/30 = 46.20 charged.
    expect(prorations.map((l: any) => cents(l.taxExcludedAmount))).toEqual([-3967, 4620]);
    for (const line of prorations) {
      expect(line.product.id).toBe('PRD-1001-INT');
      expect(line.periodCoverage).toEqual({ startDateTime: '2026-11-17T12:00:00.000Z', endDateTime: '2026-11-30T12:00:00.000Z' });
      expect(line.characteristic).toContainEqual({ name: 'billSection', valueType: 'string', value: 'serviceCharges' });
    }
    const monthly = lines.filter((l: any) => l.appliedBillingRateType === 'recurringCharge' && l.product?.id === 'PRD-1001-INT');
    expect(monthly.map((l: any) => cents(l.taxExcludedAmount))).toEqual([8500]);

    const bill = (await get(sandbox.url, `${BILLS}/${billId}`, sandbox.tokens.marie)).body;
    // Taxable: 85 + 45 + 30 + 55 + 8 + 15 − 39.67 + 46.20 = 244.53; 9-1-1 fees 0.92 untaxed.
    expect(cents(bill.taxExcludedAmount)).toBe(24453 + 92);
    expect(bill.taxItem.map((t: any) => [t.taxCategory, cents(t.taxAmount)])).toEqual([
      ['GST', 1223],
      ['QST', 2439],
    ]);
    expect(cents(bill.taxIncludedAmount)).toBe(24545 + 1223 + 2439);
    expect(bill.state).toBe('new');
    const sumOfLines = lines.reduce((sum: number, l: any) => sum + cents(l.taxIncludedAmount), 0);
    expect(sumOfLines).toBe(cents(bill.taxIncludedAmount));
  });

  it('prorates an added and a removed add-on in the add-ons section, and can be produced again', async () => {
    const produce = () =>
      send(sandbox.url, 'POST', ON_DEMAND, {
        token: sandbox.tokens.james,
        body: JSON.stringify({ billingAccount: { id: 'BA-2001' } }),
        contentType: 'application/json',
      });
    const first = await produce();
    const before = (await get(sandbox.url, `${BILLS}/${first.body.customerBill.id}`, sandbox.tokens.james)).body;
    const placed = await order(sandbox.tokens.james, {
      billingAccount: { id: 'BA-2001' },
      productOrderItem: [
        { action: 'add', productOffering: { id: 'OFF-ADD-WIFI' } },
        { action: 'delete', product: { id: 'PRD-2001-VVM' } },
      ],
    });
    expect(placed.status).toBe(201);
    expect(placed.body.state).toBe('completed');
    const again = await produce();
    expect(again.body.customerBill.id).toBe(first.body.customerBill.id);
    const lines = (await get(sandbox.url, `${RATES}?bill.id=${again.body.customerBill.id}`, sandbox.tokens.james)).body;
    const prorations = lines.filter((l: any) => l.appliedBillingRateType === 'proration');
    // 5.00 × 14/30 = 2.333… → 2.33 charged; 3.00 × 14/30 = 1.40 credited.
    expect(prorations.map((l: any) => [l.product.id, cents(l.taxExcludedAmount)])).toEqual([
      ['PRD-2001-WIFI', 233],
      ['PRD-2001-VVM', -140],
    ]);
    expect(prorations.every((l: any) => l.characteristic[0].value === 'addOns')).toBe(true);
    const after = (await get(sandbox.url, `${BILLS}/${again.body.customerBill.id}`, sandbox.tokens.james)).body;
    expect(cents(after.taxExcludedAmount) - cents(before.taxExcludedAmount)).toBe(93);
    expect(after.taxItem.map((t: any) => t.taxCategory)).toEqual(['HST']);
  });

  it('lists the services in the order of the last bill, add-ons after them', async () => {
    const made = await send(sandbox.url, 'POST', ON_DEMAND, {
      token: sandbox.tokens.marie,
      body: JSON.stringify({ billingAccount: { id: 'BA-1001' } }),
      contentType: 'application/json',
    });
    const lines = (await get(sandbox.url, `${RATES}?bill.id=${made.body.customerBill.id}`, sandbox.tokens.marie)).body;
    expect(lines.filter((l: any) => l.characteristic[0].value !== 'fees').map((l: any) => l.product.id)).toEqual([
      'PRD-1001-INT',
      'PRD-1001-TV',
      'PRD-1001-TEL',
      'PRD-1001-MOB',
      'PRD-1001-INTL',
      'PRD-1001-FILM',
    ]);
  });

  it("is refused for another customer's account", async () => {
    const refused = await send(sandbox.url, 'POST', ON_DEMAND, {
      token: sandbox.tokens.marie,
      body: JSON.stringify({ billingAccount: { id: 'BA-2001' } }),
      contentType: 'application/json',
    });
    expect(refused.status).toBe(404);
  });
});
