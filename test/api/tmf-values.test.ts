/**
 * Mapping of the values and shapes any TMF v4 server may send: money checked while parsing, with
 * errors that name resource, id, field and value; rates as fractions or percentages; sections
 * from rate types; kinds from names; HTTP errors that say where.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, ResponseShapeError, ResponseValueError, requestWhere, resourceOfPath } from '../../src/api/errors.js';
import type { HttpResponse } from '../../src/api/http.js';
import { parseResource, rateFraction } from '../../src/api/tmf/common.js';
import { CustomerBill, chargeKindOf, sectionOf, toBill, withOneCurrency } from '../../src/api/tmf/customer-bill.js';
import { ProductOffering, offeringKind } from '../../src/api/tmf/product-catalog.js';
import { kindFromNames } from '../../src/domain/plan.js';
import { translator } from '../../src/i18n/catalog.js';
import { describeError } from '../../src/output/error-record.js';

const t = translator('en');
const PATH = '/tmf-api/customerBillManagement/v4/customerBill';
const answer = (body: unknown): HttpResponse => ({ status: 200, headers: {}, body, requestId: 'req-1' });
const bill = (overrides: Record<string, unknown> = {}) => ({ id: 'B-123', billDate: '2026-12-01', amountDue: { unit: 'CAD', value: 12.5 }, ...overrides });

function refusal(body: unknown, schema = withOneCurrency(CustomerBill)): ResponseValueError | ResponseShapeError {
  try {
    parseResource(schema, answer(body), 'CustomerBill', `${PATH}/B-123`);
  } catch (error) {
    if (error instanceof ResponseValueError || error instanceof ResponseShapeError) return error;
    throw error;
  }
  throw new Error('parsed');
}

describe('money checked while parsing', () => {
  it.each([
    [{ amountDue: { unit: 'CAD', value: -3.4e38 } }, 'amountDue.value', '-3.4e+38', 'beyond what espace can hold'],
    [{ amountDue: { unit: 'CAD', value: 1e21 } }, 'amountDue.value', '1e+21', 'beyond what espace can hold'],
    [{ amountDue: { unit: 'CAD$', value: 1 } }, 'amountDue.unit', '"CAD$"', 'not an ISO 4217 currency code'],
    [{ amountDue: { unit: 'cad', value: 1 } }, 'amountDue.unit', '"cad"', 'not an ISO 4217 currency code'],
    [{ amountDue: { unit: 'CAD', value: '12,50' } }, 'amountDue.value', '"12,50"', 'not a decimal number'],
    [
      {
        taxItem: [
          { taxCategory: 'GST', taxRate: 0.05, taxAmount: { value: 1 } },
          { taxCategory: 'QST', taxRate: -1, taxAmount: { value: 1 } },
        ],
      },
      'taxItem[1].taxRate',
      '-1',
      'not a tax rate',
    ],
    [{ remainingAmount: { unit: 'USD', value: 1 } }, 'remainingAmount.unit', '"USD"', 'not in the currency of the bill (CAD)'],
  ])('%j: names the field %s and the value %s', (overrides, field, value, problem) => {
    const error = refusal(bill(overrides));
    expect(error).toBeInstanceOf(ResponseValueError);
    const message = error.describe(t);
    expect(message).toContain(`CustomerBill B-123 has ${field} = ${value}: ${problem}`);
    expect(message).toContain(`GET ${PATH}/B-123`);
    expect(describeError(error, t, 'unexpected')).toMatchObject({ code: 'badResponse', field });
  });

  it('names the id of the item at fault in a list, not its index', () => {
    const list = [bill({ id: 'B-1' }), bill({ id: 'B-2', amountDue: { value: '1e300' } })];
    const error = refusal(list, withOneCurrency(CustomerBill).array() as never);
    expect(error.describe(t)).toContain('CustomerBill B-2 has amountDue.value = "1e300"');
    expect(error.field).toBe('amountDue.value');
  });

  it('accepts what the specification allows and converts it exactly', () => {
    const parsed = parseResource(
      CustomerBill,
      answer(bill({ amountDue: { value: '1.5e2' }, taxItem: [{ taxCategory: 'QST', taxRate: 9.975, taxAmount: { unit: 'CAD', value: 1.005 } }] })),
      'CustomerBill',
      PATH,
    );
    const mapped = toBill(parsed);
    expect(mapped.totalDue).toEqual({ amount: 15000, currency: 'CAD' });
    expect(mapped.taxes).toEqual([{ category: 'QST', rate: 0.09975, amount: { amount: 100, currency: 'CAD' } }]);
  });

  it('takes a Money without unit in the currency of its bill, else Canadian dollars', () => {
    const taxItem = [{ taxCategory: 'VAT', taxRate: 0.2, taxAmount: { value: '2' } }];
    const euros = toBill(parseResource(CustomerBill, answer(bill({ amountDue: { unit: 'EUR', value: 12 }, taxItem })), 'CustomerBill', PATH));
    expect(euros.taxes[0]!.amount).toEqual({ amount: 200, currency: 'EUR' });
    const unnamed = toBill(parseResource(CustomerBill, answer(bill({ amountDue: { value: 12 }, taxItem })), 'CustomerBill', PATH));
    expect(unnamed.totalDue).toEqual({ amount: 1200, currency: 'CAD' });
    expect(unnamed.taxes[0]!.amount).toEqual({ amount: 200, currency: 'CAD' });
  });

  it('names a shape problem with the id and the field too', () => {
    const error = refusal(bill({ billDate: 20261201 }));
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect(error.describe(t)).toContain('CustomerBill B-123: billDate:');
    expect(describeError(error, t, 'unexpected')).toMatchObject({ code: 'badResponse', field: 'billDate' });
  });
});

describe('rates', () => {
  it.each([
    [0.05, 0.05],
    [0.09975, 0.09975],
    [9.975, 0.09975],
    [5, 0.05],
    [14.975, 0.14975],
    [1, 1],
    [0, 0],
  ])('%s → %s', (rate, fraction) => {
    expect(rateFraction(rate)).toBe(fraction);
  });
});

describe('bill sections without the billSection extension', () => {
  it.each([
    ['recurringCharge', 'recurring', 'serviceCharges'],
    ['appliedBillingCredit', 'credit', 'serviceCharges'],
    ['proration', 'proration', 'serviceCharges'],
    ['oneTimeCharge', 'oneTime', 'addOns'],
    ['usageCharge', 'usage', 'addOns'],
    ['appliedPenaltyCharge', 'penalty', 'fees'],
    ['RecurringCharge', 'recurring', 'serviceCharges'],
    ['roamingCharge', 'oneTime', 'addOns'],
    [undefined, 'recurring', 'serviceCharges'],
  ])('%s is a %s charge, in %s', (type, kind, section) => {
    expect(chargeKindOf(type)).toBe(kind);
    expect(sectionOf({}, chargeKindOf(type))).toBe(section);
  });

  it('follows billSection when the server gives it', () => {
    expect(sectionOf({ characteristic: [{ name: 'billSection', value: 'fees' }] }, 'recurring')).toBe('fees');
    expect(sectionOf({ characteristic: [{ name: 'billSection', value: 'nonsense' }] }, 'penalty')).toBe('fees');
  });
});

describe('kinds from standard names', () => {
  it.each([
    [['Internet plans'], 'internet'],
    [['Télé'], 'tv'],
    [['Télévision numérique'], 'tv'],
    [['Téléphonie résidentielle'], 'phone'],
    [['Home Phone'], 'phone'],
    [['Mobile phone plans'], 'mobile'],
    [['Cellulaire'], 'mobile'],
    [['Internet add-ons'], 'addOn'],
    [['Options'], 'addOn'],
    [['Super Écran'], undefined],
    [[undefined, 'Fibre 1 Gbit/s'], 'internet'],
  ])('%j → %s', (names, kind) => {
    expect(kindFromNames(names)).toBe(kind);
  });

  it('prefers serviceType, then categories, then the specification, then the name', () => {
    const offering = (fields: Record<string, unknown>) => ProductOffering.parse({ id: 'O-1', name: 'Something', ...fields });
    expect(offeringKind(offering({ serviceType: 'tv', category: [{ id: 'c', name: 'Internet' }] }))).toBe('tv');
    expect(offeringKind(offering({ category: [{ id: 'CAT-9', name: 'Mobility' }] }))).toBe('mobile');
    expect(offeringKind(offering({ category: [{ id: 'CAT-9' }], productSpecification: { id: 'PS', name: 'Residential phone' } }))).toBe('phone');
    expect(offeringKind(offering({ name: 'Internet 120' }))).toBe('internet');
    expect(offeringKind(offering({}))).toBe('addOn');
  });
});

describe('HTTP errors say where', () => {
  const request = { method: 'GET', url: `http://127.0.0.1:1/base${PATH}/B%2D123?fields=id&access_token=secret`, requestId: 'req-9' };

  it('names method and path, never the query', () => {
    expect(requestWhere(request)).toBe(`GET /base${PATH}/B%2D123`);
    const message = new ApiError(500, { message: 'boom' }, request).describe(t);
    expect(message).toContain(`HTTP 500, GET /base${PATH}/B%2D123`);
    expect(message).not.toContain('secret');
  });

  it('names the resource kind and id of a 404', () => {
    expect(resourceOfPath(`/r1/tmf-api/productCatalogManagement/v4/productOffering/OFF%201`)).toEqual({ kind: 'ProductOffering', id: 'OFF 1' });
    expect(resourceOfPath('/health')).toBeUndefined();
    const error = new ApiError(404, undefined, request);
    expect(error.describe(t)).toContain(`No CustomerBill with id B-123, or not visible to this account (GET /base${PATH}/B%2D123: HTTP 404)`);
    expect(describeError(error, t, 'unexpected')).toMatchObject({ code: 'notFound', status: 404 });
    const collection = new ApiError(404, undefined, { ...request, url: 'http://127.0.0.1:1/tmf-api/openid/v4/userinfo' });
    expect(collection.describe(t)).toContain('nothing at GET /tmf-api/openid/v4/userinfo on this server');
  });
});
