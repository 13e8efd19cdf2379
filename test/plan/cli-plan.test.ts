/**
 * `plan`, `addon`, `order` and the next bill on demand, in-process against a real sandbox: the
 * preview and the bill agree to the cent, and every refusal happens before anything is ordered.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAYMENT_PATH, paymentRequestBody } from '../../src/api/tmf/payment.js';
import { runCli } from '../helpers/cli.js';
import { scriptedPrompter } from '../helpers/prompt.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { send } from '../sandbox/client.js';
import { cliEnv } from '../helpers/env.js';

/** 17 November 2026: 14 of 30 days left in the cycle. */
const NOW = new Date('2026-11-17T15:00:00Z');
const clock = () => NOW;
let sandbox: TestSandbox;

beforeEach(async () => {
  sandbox = await startTestSandbox({ seedAnchor: '2026-11-01', now: clock });
});
afterEach(async () => {
  await sandbox.close();
});

type Who = 'marie' | 'james' | 'luc' | 'agent' | 'ci';
const env = (who: Who) => cliEnv({ url: sandbox.url, token: sandbox.tokens[who] });
const cli = (who: Who, argv: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(argv, { env: env(who), clock, ...options });

async function ordersOf(who: Who): Promise<unknown[]> {
  const result = await cli(who, ['order', 'list', '--json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

async function billOnDemand(who: Who, account: string): Promise<string> {
  const made = await send(sandbox.url, 'POST', '/tmf-api/customerBillManagement/v4/customerBillOnDemand', {
    token: sandbox.tokens[who],
    body: JSON.stringify({ billingAccount: { id: account } }),
    contentType: 'application/json',
  });
  expect(made.status).toBe(201);
  return made.body.customerBill.id;
}

describe('plan show and catalog', () => {
  it('shows the services and add-ons with monthly prices and their total', async () => {
    const result = await cli('marie', ['plan', 'show', '--json']);
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan.products.map((p: any) => [p.id, p.monthly.amount])).toEqual([
      ['PRD-1001-INT', 8500],
      ['PRD-1001-TV', 4500],
      ['PRD-1001-TEL', 3000],
      ['PRD-1001-MOB', 5500],
      ['PRD-1001-INTL', 800],
      ['PRD-1001-FILM', 1500],
    ]);
    expect(plan.monthlyTotal.amount).toBe(23800);
    expect(plan.products[0].contractEnd).toBe('2027-07-01');
  });

  it('lists the catalog of one service with allowances and terms, as a table when piped', async () => {
    const json = JSON.parse((await cli('marie', ['plan', 'catalog', '--service', 'mobile', '--json'])).stdout);
    expect(json.every((o: any) => o.service === 'mobile')).toBe(true);
    expect(json.find((o: any) => o.id === 'OFF-MOB-50')).toMatchObject({ termMonths: 24, allowance: { dataGb: 50 }, monthly: { amount: 7000 } });
    const piped = await cli('marie', ['plan', 'catalog', '--service', 'internet']);
    expect(piped.stdout.split('\n')).toContain('OFF-INT-GIGA-PLUS\tinternet\tInternet Giga Plus\t99.00\t24\t1500/1000 Mbit/s');
    const bad = await cli('marie', ['plan', 'catalog', '--service', 'radio']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid value 'radio' for --service; use one of: internet, tv, phone, mobile, addOn/);
  });
});

describe('plan change, then the next bill on demand', () => {
  it('previews a proration that the bill shows to the cent, with the new price', async () => {
    const result = await cli('marie', ['plan', 'change', '--service', 'internet', '--to', 'OFF-INT-GIGA-PLUS', '--accept-terms', '--yes', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const { order, preview } = JSON.parse(result.stdout);
    expect(order.state).toBe('completed');
    expect(order.stateChanges.map((s: any) => s.state)).toEqual(['acknowledged', 'inProgress', 'completed']);
    expect(preview).toMatchObject({
      monthlyBefore: { amount: 8500 },
      monthlyAfter: { amount: 9900 },
      effectiveDate: '2026-11-17',
      daysLeftInCycle: 14,
      proratedCredit: { amount: -3967 },
      proratedCharge: { amount: 4620 },
      proratedNet: { amount: 653 },
    });
    expect(result.stderr).toMatch(/Monthly price: \$85\.00 → \$99\.00/);
    expect(result.stderr).toMatch(/credit -\$39\.67, charge \+\$46\.20, net \+\$6\.53/);
    expect(result.stderr).toMatch(/24-month contract starts on Nov 17, 2026/);

    const billId = await billOnDemand('marie', 'BA-1001');
    // The bill on demand is a preview of the next bill, not the latest: it is shown by its id.
    const shown = await cli('marie', ['bill', 'show', billId, '--json']);
    expect(shown.code).toBe(0);
    const bill = JSON.parse(shown.stdout);
    expect(bill.id).toBe(billId);
    const lines = bill.sections.serviceCharges.lines as Array<{ name: string; amount: { amount: number } }>;
    const credit = lines.find((l) => /prorated credit/.test(l.name))!;
    const charge = lines.find((l) => /Internet Giga Plus – prorated charge/.test(l.name))!;
    expect(credit.amount.amount).toBe(preview.proratedCredit.amount);
    expect(charge.amount.amount).toBe(preview.proratedCharge.amount);
    expect(credit.amount.amount + charge.amount.amount).toBe(preview.proratedNet.amount);
    expect(JSON.stringify(bill)).toContain('99,00 $ par mois');
    expect(bill.discrepancy.amount).toBe(0);

    // `bill explain` names the proration and accounts for the whole change, to the cent.
    const explained = await cli('marie', ['bill', 'explain', billId, '--json']);
    expect(explained.code, explained.stderr).toBe(0);
    const explanation = JSON.parse(explained.stdout);
    expect(explanation.after.id).toBe(billId);
    expect(explanation.unexplained.amount).toBe(0);
    const effects = explanation.changes.map((change: { effect: { amount: number } }) => change.effect.amount);
    expect(effects.reduce((a: number, b: number) => a + b, 0)).toBe(explanation.totalChange.amount);
    const prorations = explanation.changes.filter((change: { reason: string }) => change.reason.startsWith('proration'));
    expect(prorations.map((change: { reason: string; effect: { amount: number } }) => [change.reason, change.effect.amount]).sort()).toEqual([
      ['prorationCharge', preview.proratedCharge.amount],
      ['prorationCredit', preview.proratedCredit.amount],
    ]);

    const after = JSON.parse((await cli('marie', ['plan', 'show', '--json'])).stdout);
    expect(after.products[0]).toMatchObject({ offeringId: 'OFF-INT-GIGA-PLUS', monthly: { amount: 9900 } });
  });

  it('produces the next bill with `plan next-bill` and shows it as `bill show` does', async () => {
    const changed = await cli('marie', ['plan', 'change', '--service', 'mobile', '--to', 'OFF-MOB-50', '--accept-terms', '--yes', '--json']);
    expect(changed.code, changed.stderr).toBe(0);
    const { preview } = JSON.parse(changed.stdout);
    // 55.00 × 14/30 = 25.666… → 25.67 credited; 70.00 × 14/30 = 32.666… → 32.67 charged.
    expect([preview.proratedCredit.amount, preview.proratedCharge.amount]).toEqual([-2567, 3267]);
    const json = await cli('marie', ['plan', 'next-bill', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const bill = JSON.parse(json.stdout);
    expect(bill.id).toBe('CB-1001-202612');
    const prorations = bill.sections.serviceCharges.lines.filter((l: any) => /prorated/.test(l.name)).map((l: any) => l.amount.amount);
    expect(prorations).toEqual([-2567, 3267]);
    const piped = await cli('marie', ['plan', 'next-bill']);
    expect(piped.stdout).toContain('Mobile 50 GB – prorated charge\t32.67');
    expect(piped.stdout).toContain('Mobile 20 GB – prorated credit\t-25.67');
    expect(piped.stderr).toMatch(/Preview of your next bill \(CB-1001-202612\): not issued yet/);
  });

  it('creates nothing payable: after `plan next-bill`, the bill list and the latest bill are unchanged and the preview cannot be paid', async () => {
    const accountBefore = JSON.parse((await cli('marie', ['account', 'show', '--json'])).stdout);
    const listBefore = await cli('marie', ['bill', 'list', '--json']);
    const latestBefore = await cli('marie', ['bill', 'show', 'latest', '--json']);
    expect(listBefore.code).toBe(0);
    const preview = JSON.parse((await cli('marie', ['plan', 'next-bill', '--json'])).stdout);
    expect(preview.id).toBe('CB-1001-202612');

    expect((await cli('marie', ['bill', 'list', '--json'])).stdout).toBe(listBefore.stdout);
    expect((await cli('marie', ['bill', 'show', 'latest', '--json'])).stdout).toBe(latestBefore.stdout);
    expect(JSON.parse(latestBefore.stdout).id).not.toBe(preview.id);
    // The account's balance does not count the preview either.
    const accountAfter = JSON.parse((await cli('marie', ['account', 'show', '--json'])).stdout);
    expect(accountAfter).toEqual(accountBefore);

    // `pay` refuses the preview before anything is sent; the server refuses it too (422).
    const paid = await cli('marie', ['pay', preview.id, '--yes']);
    expect(paid.code).toBe(2);
    expect(paid.stderr).toMatch(/CB-1001-202612 is a preview of your next bill, not issued yet/);
    const key = 'preview-check-0001';
    const body = paymentRequestBody(key, 'BA-1001', preview.id, { amount: 100, currency: 'CAD' }, { id: 'PM-1001-1', name: 'Visa' });
    const direct = await send(sandbox.url, 'POST', PAYMENT_PATH, {
      token: sandbox.tokens.marie,
      body: JSON.stringify(body),
      contentType: 'application/json',
      headers: { 'idempotency-key': key },
    });
    expect(direct.status, JSON.stringify(direct.body)).toBe(422);
    expect(JSON.stringify(direct.body)).toMatch(/not issued yet/);
    const payments = JSON.parse((await cli('marie', ['payment', 'list', '--json'])).stdout) as { bills: { bill: string }[] }[];
    expect(payments.flatMap((payment) => payment.bills.map((bill) => bill.bill))).not.toContain(preview.id);
  });

  it.each([
    ['a downgrade inside the contract term', ['--service', 'internet', '--to', 'OFF-INT-400'], /under contract until Jul 1, 2027/],
    ['an offer of another service', ['--service', 'internet', '--to', 'OFF-MOB-50'], /offer OFF-MOB-50 is not a plan of the service Internet/],
    ['an unknown offer', ['--service', 'internet', '--to', 'OFF-NOPE'], /unknown offer 'OFF-NOPE'/],
    ['the current offer', ['--service', 'internet', '--to', 'OFF-INT-GIGA'], /already on offer OFF-INT-GIGA/],
    ['a service the account lacks', ['--service', 'radio', '--to', 'OFF-INT-GIGA'], /invalid value 'radio' for --service/],
    ['missing terms acceptance off a terminal', ['--service', 'internet', '--to', 'OFF-INT-GIGA-PLUS', '--yes'], /--accept-terms/],
    ['a missing offer off a terminal', ['--service', 'internet', '--accept-terms', '--yes'], /--to/],
  ])('refuses %s with exit code 2 and orders nothing', async (_name, flags, message) => {
    const result = await cli('marie', ['plan', 'change', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await ordersOf('marie')).toEqual([]);
  });

  it('prompts for the service, the offer, the terms and the confirmation on a terminal', async () => {
    const prompt = scriptedPrompter(['PRD-1001-MOB', 'OFF-MOB-50', true, true]);
    const result = await cli('marie', ['plan', 'change'], { tty: true, prompt });
    expect(result.code, result.stderr).toBe(0);
    expect(prompt.asked).toEqual(['Which service?', 'Move Mobile 20 GB to which offer?', 'Do you accept these terms?', 'Place this order?']);
    expect(result.stdout).toMatch(/Order PO-000001: completed \(acknowledged → in progress → completed\)/);
  });

  it('cancels with exit code 130 when the terms are declined, and orders nothing', async () => {
    const prompt = scriptedPrompter([false]);
    const result = await cli('marie', ['plan', 'change', '--service', 'mobile', '--to', 'OFF-MOB-50'], { tty: true, prompt });
    expect(result.code).toBe(130);
    expect(await ordersOf('marie')).toEqual([]);
  });
});

describe('add-ons and orders', () => {
  it('lists subscribed and available add-ons, adds one and removes another, each on the next bill', async () => {
    const listed = JSON.parse((await cli('james', ['addon', 'list', '--json'])).stdout);
    expect(listed.subscribed.map((p: any) => p.id)).toEqual(['PRD-2001-VVM']);
    const available = listed.available.map((o: any) => o.id);
    expect(available).toEqual(expect.arrayContaining(['OFF-ADD-WIFI', 'OFF-ADD-DATA5']));
    expect(available).not.toContain('OFF-ADD-FILM');
    expect(available).not.toContain('OFF-ADD-VVM');

    const added = await cli('james', ['addon', 'add', 'OFF-ADD-WIFI', '--accept-terms', '--yes', '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout).preview.proratedCharge.amount).toBe(233);
    const removed = await cli('james', ['addon', 'remove', 'PRD-2001-VVM', '--accept-terms', '--yes', '--json']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(JSON.parse(removed.stdout).preview.proratedCredit.amount).toBe(-140);

    const orders = JSON.parse((await cli('james', ['order', 'list', '--json'])).stdout);
    expect(orders.map((o: any) => o.items[0].action)).toEqual(['delete', 'add']);
    const shown = await cli('james', ['order', 'show', orders[1].id]);
    expect(shown.stdout).toMatch(/completed/);

    const nextBill = await billOnDemand('james', 'BA-2001');
    const bill = JSON.parse((await cli('james', ['bill', 'show', nextBill, '--json'])).stdout);
    expect(bill.sections.addOns.lines.map((l: any) => l.amount.amount)).toEqual([300, 233, -140]);
  });

  it('reports an order the server rejects, with its reason, and fails', async () => {
    const result = await cli('luc', ['addon', 'add', 'OFF-ADD-WIFI', '--accept-terms', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Order PO-000001: rejected \(acknowledged → rejected\)/);
    expect(result.stderr).toMatch(/order PO-000001 was rejected: .*more than 30 days past due/);
    const plan = JSON.parse((await cli('luc', ['plan', 'show', '--json'])).stdout);
    expect(plan.products.map((p: any) => p.id)).not.toContain('PRD-3001-WIFI');
  });

  it('refuses an add-on whose service the account lacks, before ordering', async () => {
    const result = await cli('james', ['addon', 'add', 'OFF-ADD-FILM', '--accept-terms', '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/requires the TV service/);
    expect(await ordersOf('james')).toEqual([]);
    const notMine = await cli('james', ['addon', 'remove', 'PRD-1001-FILM', '--accept-terms', '--yes']);
    expect(notMine.code).toBe(2);
    expect(notMine.stderr).toMatch(/not one of your add-ons; yours: PRD-2001-VVM/);
  });
});

describe('agents and the CI client', () => {
  it('lets an agent read any account with --account, and keeps the CI client read-only', async () => {
    const agent = await cli('agent', ['plan', 'show', '--account', 'BA-2001', '--json']);
    expect(agent.code, agent.stderr).toBe(0);
    expect(JSON.parse(agent.stdout).products.map((p: any) => p.offeringId)).toEqual(['OFF-INT-400', 'OFF-MOB-15', 'OFF-ADD-VVM']);
    const ci = await cli('ci', ['addon', 'add', 'OFF-ADD-WIFI', '--account', 'BA-2001', '--accept-terms', '--yes']);
    expect(ci.code).toBe(4);
    expect(await ordersOf('james')).toEqual([]);
  });
});
