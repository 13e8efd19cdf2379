/**
 * The quick checks (src/api/tmf/fast-check.ts) against zod itself: for valid answers and for
 * every one-field mutation of them (a field removed, or given another type or a refused value,
 * an extra field), the quick check says yes exactly when zod accepts, and then zod's answer
 * equals the value given (so using the value as is changes nothing). A schema of the bulk
 * paths that stops compiling would silently lose the quick path: that is checked too.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BillingAccount } from '../../src/api/tmf/billing-account.js';
import { TmfMoney, TmfRate } from '../../src/api/tmf/common.js';
import { AppliedCustomerBillingRate, CustomerBill, withOneCurrency } from '../../src/api/tmf/customer-bill.js';
import { BillOfAccount, RateOfBill } from '../../src/api/tmf/customer-bill-batch.js';
import { quickCheckOf, withQuickCheck } from '../../src/api/tmf/fast-check.js';

const money = (value: number | string, unit?: string) => ({ ...(unit !== undefined ? { unit } : {}), value });

const bill = {
  id: 'CB-100001-202612',
  href: '/tmf-api/customerBillManagement/v4/customerBill/CB-100001-202612',
  billNo: '2026-12-100001',
  billDate: '2026-12-01T00:00:00Z',
  billingPeriod: { startDateTime: '2026-11-01T00:00:00Z', endDateTime: '2026-11-30T23:59:59Z' },
  paymentDueDate: '2026-12-22T00:00:00Z',
  state: 'sent',
  runType: 'onCycle',
  amountDue: money(86.23, 'CAD'),
  remainingAmount: money('86.23', 'CAD'),
  taxExcludedAmount: money(75, 'CAD'),
  taxIncludedAmount: money(86.23),
  taxItem: [
    { taxCategory: 'GST', taxRate: 0.05, taxAmount: money(3.75, 'CAD') },
    { taxCategory: 'QST', taxRate: 9.975, taxAmount: money(7.48, 'CAD') },
  ],
  billingAccount: { id: 'BA-100001', name: 'Marie Tremblay', '@referredType': 'BillingAccount' },
  previousBalance: money(86.23, 'CAD'),
  paymentReceived: [{ payment: { id: 'PAY-1' }, appliedAmount: money(86.23, 'CAD'), date: '2026-11-21T00:00:00Z' }],
  '@type': 'EspaceCustomerBill',
};

const rate = {
  id: 'ACBR-100001-202612-01',
  name: 'Internet 400',
  description: 'Mensualité du service Internet',
  appliedBillingRateType: 'recurringCharge',
  taxExcludedAmount: money(75, 'CAD'),
  taxIncludedAmount: money('86.23'),
  product: { id: 'PRD-100001-INT', name: 'Internet 400' },
  periodCoverage: { startDateTime: '2026-11-01T00:00:00Z', endDateTime: '2026-11-30T23:59:59Z' },
  characteristic: [
    { name: 'billSection', value: 'serviceCharges' },
    { name: 'other', value: { nested: [1, 2] } },
  ],
  bill: { id: 'CB-100001-202612' },
};

const account = {
  id: 'BA-100001',
  name: 'Marie Tremblay',
  state: 'active',
  paymentStatus: 'due',
  accountBalance: [
    { balanceType: 'currentBalance', amount: money(86.23, 'CAD') },
    { balanceType: 'overdueBalance', amount: money(0) },
  ],
  relatedParty: [{ id: 'P-1', name: 'Marie Tremblay', role: 'owner' }],
};

/** Values a server could put anywhere: each type, and the values the refinements refuse. */
const REPLACEMENTS: unknown[] = [
  null,
  true,
  0,
  -1,
  101,
  0.5,
  1.005,
  1e21,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  '12.345',
  '1e3',
  '1e400',
  'abc',
  'CAD',
  'USD',
  'cad',
  'XX',
  [],
  [1],
  {},
  { id: 'other' },
  undefined,
];

/** The value with `path` replaced (or removed, for `undefined`). */
function replaced(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaced(item, rest, replacement) : item));
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && replacement === undefined) delete copy[head as string];
  else copy[head as string] = replaced(copy[head as string], rest, replacement);
  return copy;
}

/** Every path inside a JSON value, the value's own included. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (typeof value === 'object' && value !== null) return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  return here;
}

/** The valid sample and every one-field mutation of it, and an extra field in each object. */
function variantsOf(sample: unknown): unknown[] {
  const variants: unknown[] = [sample];
  for (const path of pathsOf(sample)) {
    for (const replacement of REPLACEMENTS) variants.push(replaced(sample, path, replacement));
    variants.push(replaced(sample, [...path, 'extra'], 'field'));
  }
  return variants;
}

function expectSameAsZod(schema: z.ZodType, values: readonly unknown[]): void {
  const quick = quickCheckOf(schema);
  expect(quick, 'the schema compiles to a quick check').toBeDefined();
  let accepted = 0;
  for (const value of values) {
    const result = schema.safeParse(value);
    expect(quick!(value), JSON.stringify(value)).toBe(result.success);
    if (result.success) {
      accepted++;
      expect(result.data).toEqual(value);
    }
  }
  // The mutations must exercise both answers, or the comparison proves little.
  expect(accepted).toBeGreaterThan(1);
  expect(accepted).toBeLessThan(values.length);
}

describe('quick checks agree with zod', () => {
  it('on money and tax rates', () => {
    expectSameAsZod(TmfMoney, variantsOf(money(86.23, 'CAD')));
    expectSameAsZod(TmfMoney, variantsOf(money('-12.5')));
    expectSameAsZod(TmfRate, REPLACEMENTS);
  });

  it('on bills, one currency or not, and the lists of the batch reads', () => {
    expectSameAsZod(CustomerBill, variantsOf(bill));
    expectSameAsZod(withOneCurrency(BillOfAccount), variantsOf(bill));
    expectSameAsZod(z.array(withOneCurrency(BillOfAccount)), variantsOf([bill, { ...bill, id: 'CB-2', remainingAmount: money(0, 'CAD') }]));
  });

  it('on line items and accounts', () => {
    expectSameAsZod(AppliedCustomerBillingRate, variantsOf(rate));
    expectSameAsZod(z.array(RateOfBill), variantsOf([rate, { id: 'ACBR-2' }]));
    expectSameAsZod(BillingAccount, variantsOf(account));
  });

  it('on strict objects, literals, enums, nullables and unions', () => {
    const schema = z.strictObject({
      kind: z.literal('a'),
      level: z.enum(['low', 'high']),
      note: z.string().nullable(),
      either: z.union([z.boolean(), z.array(z.number())]),
      anything: z.unknown().optional(),
    });
    expectSameAsZod(schema, variantsOf({ kind: 'a', level: 'low', note: null, either: [1, 2], anything: { x: 1 } }));
  });
});

describe('what only zod can check is left to zod', () => {
  it('a plain object (it strips unknown keys), a default, a check of its own, a refinement without a quick check', () => {
    expect(quickCheckOf(z.object({ id: z.string() }))).toBeUndefined();
    expect(quickCheckOf(z.looseObject({ list: z.array(z.string()).default([]) }))).toBeUndefined();
    expect(quickCheckOf(z.looseObject({ id: z.string().min(1) }))).toBeUndefined();
    expect(quickCheckOf(z.looseObject({ n: z.number().superRefine(() => undefined) }))).toBeUndefined();
  });

  it('a refinement with a quick check is checked by it', () => {
    const even = withQuickCheck(
      z.number().superRefine((n, ctx) => {
        if (n % 2 !== 0) ctx.addIssue({ code: 'custom', message: 'odd' });
      }),
      (n) => (n as number) % 2 === 0,
    );
    expectSameAsZod(z.looseObject({ n: even }), [{ n: 2 }, { n: 3 }, { n: '2' }, {}, { n: 4, m: 1 }]);
  });
});
