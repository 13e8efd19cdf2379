/**
 * The billing and payment routes' contracts: the generated document describes them, Fastify refuses
 * what they do not accept with a TMF 400 naming the field, and what the routes send is exactly what
 * the contracts declare (no undeclared field, no missing required one, the declared types).
 */
import { Ajv } from 'ajv';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppliedCustomerBillingRateModel, BillingAccountModel, EspaceCustomerBillModel } from '../../src/sandbox/billing/contract.js';
import { PaymentMethodModel, PaymentModel } from '../../src/sandbox/payment/contract.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ACCOUNTS, BILLS, RATES, get, send } from './client.js';

const PAYMENTS = '/paymentManagement/v4/payment';
const METHODS = '/tmf-api/paymentMethod/v4/paymentMethod';

let sandbox: TestSandbox;
let doc: any;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  doc = (await get(sandbox.url, '/openapi.json')).body;
});
afterAll(async () => {
  await sandbox?.close();
});

/**
 * A validator of everything a model declares, and nothing more: zod's output-mode JSON Schema
 * closes every object (additionalProperties: false) and requires every field not optional.
 */
function exactly(model: z.ZodType): (data: unknown) => unknown {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(z.toJSONSchema(model, { target: 'draft-7', io: 'output' }));
  return (data) => (validate(data) ? null : validate.errors);
}

describe('the generated document', () => {
  it('has every billing and payment operation (a route appears only if it declares its contract, the hand-written ones being gone)', () => {
    const operations = Object.entries(doc.paths as Record<string, Record<string, { operationId: string; responses: object }>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation.operationId] as const),
    );
    const bill = '/tmf-api/customerBillManagement/v4';
    const account = '/tmf-api/accountManagement/v4';
    const method = '/tmf-api/paymentMethod/v4';
    expect(operations).toEqual(
      expect.arrayContaining([
        [`GET ${bill}/customerBill`, 'listCustomerBill'],
        [`GET ${bill}/customerBill/{id}`, 'retrieveCustomerBill'],
        [`GET ${bill}/customerBill/{id}/document`, 'retrieveCustomerBillDocument'],
        [`GET ${bill}/appliedCustomerBillingRate`, 'listAppliedCustomerBillingRate'],
        [`GET ${bill}/appliedCustomerBillingRate/{id}`, 'retrieveAppliedCustomerBillingRate'],
        [`GET ${account}/billingAccount`, 'listBillingAccount'],
        [`GET ${account}/billingAccount/{id}`, 'retrieveBillingAccount'],
        [`PATCH ${account}/billingAccount/{id}`, 'patchBillingAccount'],
        ['GET /paymentManagement/v4/payment', 'listPayment'],
        ['POST /paymentManagement/v4/payment', 'createPayment'],
        ['GET /paymentManagement/v4/payment/{id}', 'retrievePayment'],
        [`GET ${method}/paymentMethod`, 'listPaymentMethod'],
        [`POST ${method}/paymentMethod`, 'createPaymentMethod'],
        [`GET ${method}/paymentMethod/{id}`, 'retrievePaymentMethod'],
        [`DELETE ${method}/paymentMethod/{id}`, 'deletePaymentMethod'],
      ]),
    );
  });

  it('describes the billing and payment operations from their contracts', () => {
    const bills = doc.paths['/tmf-api/customerBillManagement/v4/customerBill'].get;
    expect(bills.operationId).toBe('listCustomerBill');
    const names = bills.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['fields', 'offset', 'limit', 'id', 'billingAccount.id', 'state', 'billDate.gte', 'billDate.lt', 'sort']));
    expect(bills.responses['200'].content['application/json'].schema).toEqual({ type: 'array', items: { $ref: '#/components/schemas/EspaceCustomerBill' } });

    const patch = doc.paths['/tmf-api/accountManagement/v4/billingAccount/{id}'].patch;
    expect(Object.keys(patch.requestBody.content)).toEqual(['application/merge-patch+json', 'application/json']);
    expect(patch.requestBody.content['application/merge-patch+json'].schema).toEqual({ $ref: '#/components/schemas/BillingAccount_Update' });
    expect(doc.components.schemas.BillingAccount_Update.additionalProperties).toBe(false);

    const pay = doc.paths['/paymentManagement/v4/payment'].post;
    expect(pay.security).toEqual([{ bearerAuth: [] }]);
    expect(pay.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Payment_Create' });
    expect(pay.responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Payment' });
    expect(doc.paths['/tmf-api/paymentMethod/v4/paymentMethod/{id}'].delete.responses['204']).toEqual({ description: 'Removed' });
    const pdf = doc.paths['/tmf-api/customerBillManagement/v4/customerBill/{id}/document'].get.responses['200'];
    expect(pdf.headers).toHaveProperty('Content-Disposition');

    expect(doc.paths['/tmf-api/customerBillManagement/v4/customerBill/{id}/document'].get['x-espace-extension']).toMatch(/TMF678/);
    expect(doc.components.schemas.Payment.properties.channel.required).toEqual(expect.arrayContaining(['id', 'name']));
    expect(doc.components.schemas.PaymentMethod_Create.properties['@type'].enum).toEqual(['bankCard', 'bankAccountDebit']);

    expect(doc.components.schemas.EspaceCustomerBill.required).toEqual(expect.arrayContaining(['previousBalance', 'amountDue', 'billDocument']));
    expect(doc.components.schemas.Money.required).toEqual(['unit', 'value']);
  });
});

describe('what the routes send', () => {
  it('is exactly what the contracts declare: bills, line items, accounts, payments and payment methods', async () => {
    const token = sandbox.tokens.marie;
    const cases: [string, z.ZodType][] = [
      [`${BILLS}?billingAccount.id=BA-1001`, EspaceCustomerBillModel],
      [`${RATES}?billingAccount.id=BA-1001&limit=50`, AppliedCustomerBillingRateModel],
      [ACCOUNTS, BillingAccountModel],
      [`${PAYMENTS}?account.id=BA-1001`, PaymentModel],
      [`${METHODS}?account.id=BA-1001`, PaymentMethodModel],
    ];
    for (const [path, model] of cases) {
      const { status, body } = await get(sandbox.url, path, token);
      expect(status, path).toBe(200);
      expect(body.length, path).toBeGreaterThan(0);
      const check = exactly(model);
      for (const item of body) expect(check(item), `${path} ${item.id}`).toBeNull();
    }
  });
});

describe('requests the contracts refuse', () => {
  async function patchAccount(body: unknown) {
    return send(sandbox.url, 'PATCH', `${ACCOUNTS}/BA-1001`, {
      token: sandbox.tokens.marie,
      contentType: 'application/merge-patch+json',
      body: JSON.stringify(body),
    });
  }

  it('answer a TMF 400 naming the field, and change nothing', async () => {
    const cases: [unknown, string][] = [
      [{ name: 42 }, 'body.name must be string'],
      [{ name: true }, 'body.name must be string'],
      [{ billStructure: { presentationMedia: [{ name: 'fax' }] } }, 'body.billStructure.presentationMedia[0].name must be one of: electronic, paper'],
      [{ billStructure: { presentationMedia: [] } }, 'body.billStructure.presentationMedia must NOT have fewer than 1 items'],
      [{ characteristic: [{ name: 'color', value: true }] }, 'body.characteristic[0].name must be one of: autopay, autopayTermsAccepted'],
      [{ characteristic: [{ name: 'autopay', value: 'true' }] }, 'body.characteristic[0].value must be boolean'],
      [{ defaultPaymentMethod: {} }, 'body.defaultPaymentMethod is missing the required field "id"'],
    ];
    for (const [body, message] of cases) {
      const res = await patchAccount(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body, JSON.stringify(body)).toEqual({ code: '400', reason: 'Bad Request', message, status: '400', '@type': 'Error' });
    }
    const account = (await get(sandbox.url, `${ACCOUNTS}/BA-1001`, sandbox.tokens.marie)).body;
    expect(account.name).toBe('Marie Tremblay');
    expect(account.billStructure.presentationMedia).toEqual([{ id: 'electronic', name: 'electronic' }]);
  });

  it('refuse a field the contract does not declare, at the top or nested, instead of dropping it', async () => {
    const cases: [unknown, string][] = [
      [{ nickname: 'x' }, 'Unexpected field "nickname" in the body'],
      [{ name: 'Marie T.', nickname: 'x' }, 'Unexpected field "nickname" in the body'],
      [{ billStructure: { presentationMedia: [{ name: 'paper' }], cycleSpecification: {} } }, 'Unexpected field "cycleSpecification" in body.billStructure'],
      [{ billStructure: { presentationMedia: [{ name: 'paper', color: 'blue' }] } }, 'Unexpected field "color" in body.billStructure.presentationMedia[0]'],
    ];
    for (const [body, message] of cases) {
      const res = await patchAccount(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body, JSON.stringify(body)).toMatchObject({ code: '400', reason: 'Bad Request', message });
    }
    const account = (await get(sandbox.url, `${ACCOUNTS}/BA-1001`, sandbox.tokens.marie)).body;
    expect(account.name).toBe('Marie Tremblay');
    expect(account.billStructure.presentationMedia[0].name).toBe('electronic');
  });

  it('refuse a payment method of an unknown kind or with a malformed field, naming it', async () => {
    const create = (body: unknown) =>
      send(sandbox.url, 'POST', METHODS, { token: sandbox.tokens.marie, contentType: 'application/json', body: JSON.stringify(body) });
    const card = { '@type': 'bankCard', account: [{ id: 'BA-1001' }], cardNumber: '4242424242424242', expirationDate: '2031-04', cvv: '123' };
    const cases: [unknown, string][] = [
      [{ ...card, '@type': 'cheque' }, 'body.@type must be one of: bankCard, bankAccountDebit'],
      [{ ...card, cvv: 123 }, 'body.cvv must be string'],
      [{ ...card, account: [] }, 'body.account must NOT have fewer than 1 items'],
      [{ ...card, account: [{ name: 'x' }] }, 'body.account[0] is missing the required field "id"'],
    ];
    const list = async () => (await get(sandbox.url, `${METHODS}?account.id=BA-1001`, sandbox.tokens.marie)).body.map((m: { id: string }) => m.id);
    const before = await list();
    for (const [body, message] of cases) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body, JSON.stringify(body)).toMatchObject({ code: '400', reason: 'Bad Request', message });
    }
    expect(await list()).toEqual(before);
  });

  it('keep the rules a schema cannot state in the route: a payment method needs the fields of its kind', async () => {
    const res = await send(sandbox.url, 'POST', METHODS, {
      token: sandbox.tokens.marie,
      contentType: 'application/json',
      body: JSON.stringify({ '@type': 'bankCard', account: [{ id: 'BA-1001' }], expirationDate: '2031-04', cvv: '123' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('"cardNumber" is required for a bankCard');
  });

  it('refuse a malformed payment before its Idempotency-Key is taken, so the corrected payment can use the key', async () => {
    const token = sandbox.tokens.marie;
    const bill = (await get(sandbox.url, `${BILLS}?billingAccount.id=BA-1001&limit=1`, token)).body[0];
    const body = (value: unknown) => ({
      account: { id: 'BA-1001' },
      totalAmount: { unit: 'CAD', value },
      paymentMethod: { id: 'PM-1001-1' },
      paymentItem: [{ item: { id: bill.id } }],
    });
    const pay = (value: unknown) =>
      send(sandbox.url, 'POST', PAYMENTS, {
        token,
        contentType: 'application/json',
        headers: { 'idempotency-key': 'contract-key-1' },
        body: JSON.stringify(body(value)),
      });
    const malformed = await pay({ amount: 1 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toBe('body.totalAmount.value must be number');
    const paid = await pay(1);
    expect(paid.status).toBe(201);
    expect(paid.body.correlatorId).toBe('contract-key-1');
  });
});
