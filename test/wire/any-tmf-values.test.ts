/**
 * What espace does with values and shapes a TMF v4 server may send that the sandbox never does:
 * amounts beyond what a bill holds, a non-ISO currency, a line in another currency, a tax rate
 * written as a percentage, prices given by reference, no `serviceType` or `billSection`
 * extension, a usage type espace does not meter, no userinfo endpoint, and a bill id that is not
 * there. The sandbox answers, through a proxy that rewrites its answers as such a server would.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startRewriteProxy, type RewriteProxy, type Rule } from '../helpers/rewrite-proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { espace } from '../helpers/spawn.js';
import { cliEnv } from '../helpers/env.js';

type Money = { unit?: string; value: number | string };
type Rate = { id: string; appliedBillingRateType?: string; characteristic?: { name: string; value: unknown }[]; taxExcludedAmount?: Money };
type TmfBill = { id: string; amountDue: Money; taxItem?: { taxCategory: string; taxRate: number; taxAmount: Money }[] };
type MoneyJson = { amount: number; currency: string; formatted: string };
type LineJson = { id: string; name: string; kind: string; amount: MoneyJson };
type BillJson = {
  sections: {
    serviceCharges: { lines: LineJson[]; subtotal: MoneyJson };
    addOns: { lines: LineJson[]; subtotal: MoneyJson };
    taxesAndFees: { taxes: { category: string; rate: number; amount: MoneyJson }[]; fees: LineJson[]; subtotal: MoneyJson };
  };
  discrepancy: MoneyJson;
  otherCurrencies: MoneyJson[];
};
type OfferingJson = { id: string; service: string; monthly: MoneyJson };

const BILLS = '/tmf-api/customerBillManagement/v4/customerBill';
const RATES = '/tmf-api/customerBillManagement/v4/appliedCustomerBillingRate';
const OFFERINGS = '/tmf-api/productCatalogManagement/v4/productOffering';
const PRICES = '/tmf-api/productCatalogManagement/v4/productOfferingPrice';
const USAGE = '/tmf-api/usageManagement/v4/usage';
const USERINFO = '/tmf-api/openid/v4/userinfo';

let sandbox: TestSandbox;
let proxy: RewriteProxy;
let billId: string;
let configDir: string;

const env = (token = sandbox.tokens.marie) => cliEnv({ url: proxy.url, token, extra: { ESPACE_CONFIG_DIR: configDir } });
const pathOf = (url: string) => url.split('?')[0]!;
const each =
  <T>(rewrite: (item: T) => void) =>
  (body: unknown) => {
    for (const item of Array.isArray(body) ? body : [body]) rewrite(item as T);
    return body;
  };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  proxy = await startRewriteProxy(sandbox.url);
  configDir = await mkdtemp(join(tmpdir(), 'espace-values-'));
  const bills = (await (
    await fetch(`${sandbox.url}${BILLS}?billingAccount.id=BA-1001`, { headers: { authorization: `Bearer ${sandbox.tokens.marie}` } })
  ).json()) as TmfBill[];
  billId = bills
    .map((bill) => bill.id)
    .sort()
    .at(-1)!;
});
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
  if (configDir) await rm(configDir, { recursive: true, force: true });
});

/** Rewrites the one bill (alone or in a list), leaving every other answer as the sandbox gave it. */
function rewriteBill(rewrite: (bill: TmfBill) => void): void {
  proxy.setRules(({ method, url }) =>
    // Lists asked with `fields=id,billDate` (the latest bill's lookup) carry no amounts to rewrite.
    method === 'GET' && pathOf(url).startsWith(BILLS)
      ? { rewrite: each<TmfBill>((bill) => bill.id === billId && bill.amountDue !== undefined && rewrite(bill)) }
      : undefined,
  );
}

describe('amounts and currencies a bill cannot hold', () => {
  it.each([
    ['amountDue.value', -3.4e38, '-3.4e+38'],
    ['amountDue.value', 1e21, '1e+21'],
    ['amountDue.unit', 'CAD$', '"CAD$"'],
    ['amountDue.unit', 'cad', '"cad"'],
    ['taxItem[1].taxAmount.value', 'douze', '"douze"'],
  ] as const)('%s = %s: exit 1, nothing on stdout, the error names CustomerBill, the id, the field and the value (built CLI)', async (field, value, shown) => {
    rewriteBill((bill) => {
      if (field === 'amountDue.value') bill.amountDue.value = value;
      else if (field === 'amountDue.unit') bill.amountDue.unit = value as string;
      else bill.taxItem![1]!.taxAmount.value = value;
    });
    for (const args of [
      ['bill', 'show', billId],
      ['bill', 'show', billId, '--json'],
    ]) {
      const result = await espace(args, { env: env() });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`CustomerBill ${billId} has ${field} = ${shown}`);
      expect(result.stderr).toContain(`GET ${BILLS}/${billId}`);
      expect(result.stderr).not.toMatch(/unexpected/i);
    }
  });

  it('names the line item of an amount out of range among the bill lines, and prints nothing of the bill', async () => {
    proxy.setRules(({ method, url }) =>
      method === 'GET' && pathOf(url) === RATES
        ? { rewrite: (body) => (((body as Rate[])[2]!.taxExcludedAmount = { unit: 'CAD', value: '1e21' }), body) }
        : undefined,
    );
    const lines = (await (
      await fetch(`${sandbox.url}${RATES}?bill.id=${billId}`, { headers: { authorization: `Bearer ${sandbox.tokens.marie}` } })
    ).json()) as Rate[];
    const result = await runCli(['bill', 'show', billId], { env: env(), tty: true });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`AppliedCustomerBillingRate ${lines[2]!.id} has taxExcludedAmount.value = "1e21"`);
  });

  it('gives the bulk record of that account the code badResponse with the field, and the other accounts their bills', async () => {
    rewriteBill((bill) => (bill.amountDue.value = -3.4e38));
    const list = join(configDir, 'accounts.txt');
    await writeFile(list, 'BA-1001\nBA-2001\nBA-3001\n');
    const result = await runCli(['bill', 'show', '--accounts-from', list, '--ordered'], { env: env(sandbox.tokens.agent) });
    const records = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { account: string; ok: boolean; error?: { code: string; field?: string; message: string } });
    expect(records.map((record) => [record.account, record.ok])).toEqual([
      ['BA-1001', false],
      ['BA-2001', true],
      ['BA-3001', true],
    ]);
    expect(records[0]!.error).toMatchObject({ code: 'badResponse', field: 'amountDue.value' });
    expect(records[0]!.error!.message).toContain(`CustomerBill ${billId} has amountDue.value = -3.4e+38`);
    expect(result.code).toBe(3);
  });

  it('reads exponent notation and string amounts exactly', async () => {
    rewriteBill((bill) => {
      bill.amountDue.value = `${Number(bill.amountDue.value) * 100}e-2`;
    });
    const through = JSON.parse((await runCli(['bill', 'show', billId, '--json'], { env: env() })).stdout) as BillJson & { totalDue: MoneyJson };
    proxy.setRules(() => undefined);
    const direct = JSON.parse((await runCli(['bill', 'show', billId, '--json'], { env: env() })).stdout) as BillJson & { totalDue: MoneyJson };
    expect(through.totalDue).toEqual(direct.totalDue);
  });
});

describe('a line in another currency', () => {
  it('is shown in its currency and added to no CAD subtotal', async () => {
    proxy.setRules(() => undefined);
    const plain = JSON.parse((await runCli(['bill', 'show', billId, '--json'], { env: env() })).stdout) as BillJson;
    const usdLine = plain.sections.serviceCharges.lines[0]!;
    proxy.setRules(({ method, url }) =>
      method === 'GET' && pathOf(url) === RATES
        ? { rewrite: each<Rate>((rate) => rate.id === usdLine.id && (rate.taxExcludedAmount = { unit: 'USD', value: 12.5 })) }
        : undefined,
    );
    const result = await runCli(['bill', 'show', billId, '--json'], { env: env() });
    expect(result.code).toBe(0);
    const bill = JSON.parse(result.stdout) as BillJson;
    const line = bill.sections.serviceCharges.lines.find((candidate) => candidate.id === usdLine.id)!;
    expect(line.amount).toMatchObject({ amount: 1250, currency: 'USD', formatted: 'US$12.50' });
    expect(bill.sections.serviceCharges.subtotal).toEqual({
      ...plain.sections.serviceCharges.subtotal,
      amount: plain.sections.serviceCharges.subtotal.amount - usdLine.amount.amount,
      formatted: expect.any(String),
    });
    expect(bill.otherCurrencies).toEqual([{ amount: 1250, currency: 'USD', formatted: 'US$12.50' }]);

    const piped = await runCli(['bill', 'show', billId], { env: env() });
    expect(piped.stderr).toContain('Amounts in USD are shown in their own currency and not added to the CAD totals.');
    expect(piped.stdout).toMatch(new RegExp(`\\t${usdLine.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\t12\\.50 USD\\n`));
    const tty = await runCli(['bill', 'show', billId], { env: env(), tty: true });
    expect(tty.stdout).toContain('US$12.50');

    // Comparing bills subtracts amounts: refused clearly rather than converted or crashed on.
    const explain = await runCli(['bill', 'explain', billId], { env: env() });
    expect(explain.code).toBe(1);
    expect(explain.stdout).toBe('');
    expect(explain.stderr).toMatch(/has amounts in USD, the other bill in CAD: espace does not convert currencies/);
  });

  it('in a plan, refuses a monthly total across currencies instead of adding them', async () => {
    proxy.setRules(({ method, url }) =>
      method === 'GET' && pathOf(url) === '/tmf-api/productInventory/v4/product'
        ? {
            rewrite: (body) => {
              const price = (body as { productPrice?: { price: { dutyFreeAmount: Money } }[] }[])[0]!.productPrice![0]!.price.dutyFreeAmount;
              price.unit = 'USD';
              return body;
            },
          }
        : undefined,
    );
    const result = await runCli(['plan', 'show'], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/the products of account BA-1001 are priced in (USD, CAD|CAD, USD): espace does not convert currencies/);
  });
});

describe('a tax rate written as a percentage', () => {
  it('shows 9.975 as 9.975 %, not 997.5 %', async () => {
    rewriteBill((bill) => {
      for (const tax of bill.taxItem ?? []) tax.taxRate = Number((tax.taxRate * 100).toFixed(3));
    });
    const bill = JSON.parse((await runCli(['bill', 'show', billId, '--json'], { env: env() })).stdout) as BillJson;
    expect(bill.sections.taxesAndFees.taxes.map((tax) => [tax.category, tax.rate])).toEqual([
      ['GST', 0.05],
      ['QST', 0.09975],
    ]);
    const tty = await runCli(['bill', 'show', billId], { env: env(), tty: true });
    expect(tty.stdout).toContain('(9.975%)');
    expect(tty.stdout).toContain('(5%)');
    expect(tty.stdout).not.toContain('997.5');
  });

  it('refuses a rate above 100 naming the field', async () => {
    rewriteBill((bill) => (bill.taxItem![0]!.taxRate = 500));
    const result = await runCli(['bill', 'show', billId], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`CustomerBill ${billId} has taxItem[0].taxRate = 500: not a tax rate`);
  });
});

describe('line items without the billSection extension', () => {
  it('take their section from appliedBillingRateType and the product’s offering, an unknown type being an extra, and the bill still adds up', async () => {
    proxy.setRules(() => undefined);
    const plain = JSON.parse((await runCli(['bill', 'show', billId, '--json'], { env: env() })).stdout) as BillJson;
    const lines = (await (
      await fetch(`${sandbox.url}${RATES}?bill.id=${billId}`, { headers: { authorization: `Bearer ${sandbox.tokens.marie}` } })
    ).json()) as Rate[];
    const unknown = lines[0]!.id;
    proxy.setRules(({ method, url }) =>
      method === 'GET' && pathOf(url) === RATES
        ? {
            rewrite: each<Rate>((rate) => {
              delete rate.characteristic;
              if (rate.id === unknown) rate.appliedBillingRateType = 'roamingCharge';
            }),
          }
        : undefined,
    );
    const result = await runCli(['bill', 'show', billId, '--json'], { env: env() });
    expect(result.code).toBe(0);
    const bill = JSON.parse(result.stdout) as BillJson;
    const sectionOf = new Map<string, string>();
    for (const [name, items] of [
      ['serviceCharges', bill.sections.serviceCharges.lines],
      ['addOns', bill.sections.addOns.lines],
      ['fees', bill.sections.taxesAndFees.fees],
    ] as const) {
      for (const line of items) sectionOf.set(line.id, name);
    }
    expect(sectionOf.size).toBe(lines.length);
    const expected: Record<string, string> = {
      recurringCharge: 'serviceCharges',
      appliedBillingCredit: 'serviceCharges',
      oneTimeCharge: 'addOns',
      usageCharge: 'addOns',
      appliedPenaltyCharge: 'fees',
      roamingCharge: 'addOns',
    };
    // A recurring charge of an add-on product (its offering is an add-on: read through the product)
    // is an add-on; the sandbox's own billSection says which lines those are.
    const declared = (rate: Rate) => rate.characteristic?.find((c) => c.name === 'billSection')?.value;
    const ofAddOn = lines.filter((rate) => rate.appliedBillingRateType === 'recurringCharge' && declared(rate) === 'addOns');
    expect(ofAddOn.length).toBeGreaterThan(0);
    for (const rate of lines) {
      const type = rate.id === unknown ? 'roamingCharge' : rate.appliedBillingRateType!;
      expect(sectionOf.get(rate.id), `${rate.id} (${type})`).toBe(ofAddOn.includes(rate) ? 'addOns' : expected[type]);
    }
    expect(result.stderr).toMatch(/this server does not provide bill sections/);
    expect(bill.discrepancy.amount).toBe(plain.discrepancy.amount);
  });

  it('stay in their rate type’s section when the server will not show the products, and the bill is still shown', async () => {
    const PRODUCTS = '/tmf-api/productInventory/v4/product';
    proxy.setRules(({ method, url }) => {
      if (method === 'GET' && pathOf(url) === RATES) return { rewrite: each<Rate>((rate) => delete rate.characteristic) };
      if (method === 'GET' && pathOf(url).startsWith(`${PRODUCTS}/`))
        return { answer: { status: 404, body: { code: '404', reason: 'Not found', message: 'No such product' } } };
      return undefined;
    });
    const result = await runCli(['bill', 'show', billId, '--json'], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    // The products were asked for, and refused.
    expect(proxy.log.some(({ url }) => pathOf(url).startsWith(`${PRODUCTS}/`))).toBe(true);
    const bill = JSON.parse(result.stdout) as BillJson;
    const recurring = [...bill.sections.serviceCharges.lines, ...bill.sections.addOns.lines].filter((line) => line.kind === 'recurring');
    expect(recurring.length).toBeGreaterThan(0);
    expect(bill.sections.addOns.lines.filter((line) => line.kind === 'recurring')).toEqual([]);
    expect(result.stderr).toMatch(/this server does not provide bill sections/);
  });
});

describe('catalog prices given by reference, kinds without serviceType', () => {
  type TmfOffering = {
    id: string;
    name: string;
    serviceType?: string;
    category?: { id: string; name?: string }[];
    productOfferingPrice?: Record<string, unknown>[];
  };
  const CATEGORY_NAMES: Record<string, string> = {
    internet: 'Internet plans',
    tv: 'Télévision',
    phone: 'Home phone',
    mobile: 'Mobile plans',
    addOn: 'Add-ons and options',
  };

  /** As TMF620 gives offerings: prices as references, no serviceType, categories by opaque id and name. */
  function standardCatalog(options: { ignoreIdFilter?: boolean } = {}) {
    const prices = new Map<string, Record<string, unknown>>();
    const rule = ({ method, url }: { method: string; url: string }): Rule | undefined => {
      if (method !== 'GET') return undefined;
      if (pathOf(url) === OFFERINGS || pathOf(url).startsWith(`${OFFERINGS}/`)) {
        return {
          rewrite: each<TmfOffering>((offering) => {
            const kind = offering.serviceType!;
            delete offering.serviceType;
            offering.category = [{ id: `CAT-${kind.length}${kind.charCodeAt(0)}`, name: CATEGORY_NAMES[kind]! }];
            offering.productOfferingPrice = offering.productOfferingPrice?.map((price, index) => {
              const id = `POP-${offering.id}-${index}`;
              prices.set(id, { ...price, id });
              return { id, href: `${PRICES}/${id}`, name: String(price.name ?? '') };
            });
          }),
        };
      }
      if (pathOf(url) === PRICES) {
        const ids = new URL(url, 'http://x').searchParams.get('id')?.split(',') ?? [];
        // A server that ignores the filter answers the first two prices it has, whatever was asked.
        const answer = options.ignoreIdFilter ? [...prices.values()].slice(0, 2) : ids.flatMap((id) => (prices.has(id) ? [prices.get(id)!] : []));
        return { answer: { status: 200, body: answer, headers: { 'x-total-count': String(options.ignoreIdFilter ? prices.size : answer.length) } } };
      }
      if (pathOf(url).startsWith(`${PRICES}/`)) {
        const price = prices.get(decodeURIComponent(pathOf(url).slice(PRICES.length + 1)));
        return { answer: price ? { status: 200, body: price } : { status: 404, body: { code: '404', reason: 'Not found' } } };
      }
      return undefined;
    };
    return { rule, prices };
  }

  it('follows the references in one batched request, and kinds come from category names', async () => {
    proxy.setRules(() => undefined);
    const expected = JSON.parse((await runCli(['plan', 'catalog', '--json'], { env: env() })).stdout) as OfferingJson[];
    const { rule, prices } = standardCatalog();
    proxy.setRules(rule);
    const result = await runCli(['plan', 'catalog', '--json'], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    const offerings = JSON.parse(result.stdout) as OfferingJson[];
    expect(offerings.map((o) => [o.id, o.service, o.monthly])).toEqual(expected.map((o) => [o.id, o.service, o.monthly]));
    expect(offerings.every((o) => o.monthly.amount > 0)).toBe(true);
    const priceRequests = proxy.log.filter((request) => pathOf(request.url).startsWith(PRICES));
    expect(prices.size).toBeGreaterThan(20);
    expect(priceRequests).toHaveLength(1);
    expect(new URL(priceRequests[0]!.url, 'http://x').searchParams.get('id')!.split(',').sort()).toEqual([...prices.keys()].sort());
  });

  it('reads one by one only the prices a server ignoring the id filter did not give, once each', async () => {
    const { rule, prices } = standardCatalog({ ignoreIdFilter: true });
    proxy.setRules(rule);
    // usage show reads the catalog for the allowances and overage prices.
    const result = await runCli(['plan', 'catalog', '--json'], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    const priceRequests = proxy.log.filter((request) => pathOf(request.url).startsWith(PRICES));
    const single = priceRequests.filter((request) => pathOf(request.url) !== PRICES).map((request) => request.url);
    expect(priceRequests.length - single.length).toBe(1);
    expect(single).toHaveLength(prices.size - 2);
    expect(new Set(single).size).toBe(single.length);
  });

  it('takes kinds from product specification names when there is no category', async () => {
    proxy.setRules(() => undefined);
    const expected = JSON.parse((await runCli(['plan', 'catalog', '--json'], { env: env() })).stdout) as OfferingJson[];
    proxy.setRules(({ method, url }) =>
      method === 'GET' && pathOf(url) === OFFERINGS
        ? {
            rewrite: each<TmfOffering & { productSpecification?: { id: string; name: string } }>((offering) => {
              offering.productSpecification = { id: `PS-${offering.id}`, name: `${CATEGORY_NAMES[offering.serviceType!]} specification` };
              delete offering.serviceType;
              delete offering.category;
            }),
          }
        : undefined,
    );
    const offerings = JSON.parse((await runCli(['plan', 'catalog', '--json'], { env: env() })).stdout) as OfferingJson[];
    expect(offerings.map((o) => [o.id, o.service])).toEqual(expected.map((o) => [o.id, o.service]));
  });
});

describe('a usage type espace does not meter', () => {
  it('is shown as such, with its unit, instead of being dropped', async () => {
    proxy.setRules(({ method, url }) =>
      method === 'GET' && pathOf(url) === USAGE
        ? {
            rewrite: (body) => {
              const records = body as Record<string, unknown>[];
              const first = records[0]!;
              records.push(
                {
                  ...first,
                  id: 'USG-ROAM-1',
                  usageType: 'roamingData',
                  usageCharacteristic: [
                    { name: 'quantity', value: 40 },
                    { name: 'unit', value: 'MB' },
                  ],
                },
                {
                  ...first,
                  id: 'USG-ROAM-2',
                  usageType: 'roamingData',
                  usageCharacteristic: [
                    { name: 'quantity', value: 2.5 },
                    { name: 'unit', value: 'MB' },
                  ],
                },
              );
              return records;
            },
          }
        : undefined,
    );
    const json = JSON.parse((await runCli(['usage', 'show', '--json'], { env: env() })).stdout) as { otherUsage: unknown[] };
    expect(json.otherUsage).toEqual([expect.objectContaining({ type: 'roamingData', unit: 'MB', quantity: 42.5, records: 2 })]);
    const piped = await runCli(['usage', 'show'], { env: env() });
    expect(piped.stdout).toMatch(/\troamingData\t40 MB\n/);
    const tty = await runCli(['usage', 'show'], { env: env(), tty: true });
    expect(tty.stdout).toMatch(/roamingData: 42\.5 MB/);
  });
});

describe('a server without a TMF691 userinfo endpoint', () => {
  const noUserinfo = ({ url }: { url: string }): Rule | undefined =>
    pathOf(url) === USERINFO ? { answer: { status: 404, body: { code: '404', reason: 'Not Found', message: 'No route' } } } : undefined;

  it('auth status says the server has no userinfo endpoint, not to log in again', async () => {
    proxy.setRules(noUserinfo);
    const result = await runCli(['auth', 'status'], { env: env() });
    expect(result.stdout).toContain(`this server has no userinfo endpoint (TMF691; GET ${USERINFO} answered 404)`);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/log in again|espace auth login/i);
    expect(result.code).toBe(0);
    const json = JSON.parse((await runCli(['auth', 'status', '--json'], { env: env() })).stdout) as { valid: boolean | null; note?: string };
    expect(json.valid).toBeNull();
    expect(json.note).toMatch(/no userinfo endpoint/);
  });

  it('doctor says the same of the token, as a warning without a fix to log in', async () => {
    proxy.setRules(noUserinfo);
    const result = await runCli(['doctor', '--json'], { env: env() });
    const report = JSON.parse(result.stdout) as { checks: { id: string; status: string; detail: string; fix?: string }[] };
    const token = report.checks.find((check) => check.id === 'token')!;
    expect(token).toMatchObject({ status: 'warn', detail: expect.stringContaining('this server has no userinfo endpoint') });
    expect(token.fix ?? '').not.toMatch(/log in/i);
  });
});

describe('a bill that is not there', () => {
  it('says which resource, which id, and which request (built CLI)', async () => {
    proxy.setRules(() => undefined);
    const result = await espace(['bill', 'show', 'CB-NOPE-1'], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`No CustomerBill with id CB-NOPE-1, or not visible to this account (GET ${BILLS}/CB-NOPE-1: HTTP 404)`);
    expect(result.stderr).not.toContain(sandbox.tokens.marie);
  });
});
