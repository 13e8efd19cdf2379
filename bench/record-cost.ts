// The CPU one bulk `bill show` record costs espace once warm, stage by stage, on a batch of 50
// accounts the sandbox really answered: the share of a bulk run that is the record itself, as
// opposed to HTTP, writing and start-up (bench/README.md). Run with `node bench/record-cost.mjs`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { HttpClient } from '../src/api/http.js';
import { BillOfAccount, RateOfBill } from '../src/api/tmf/customer-bill-batch.js';
import { toBill, toBillLine, withOneCurrency } from '../src/api/tmf/customer-bill.js';
import { quickCheckOf } from '../src/api/tmf/fast-check.js';
import { billShowBulk } from '../src/cli/commands/bill/bulk.js';
import { billJson } from '../src/cli/commands/bill/view.js';
import type { BillLine } from '../src/domain/bill.js';
import { startSandbox } from '../src/sandbox/server.js';

const BATCH = 50;
const dataDir = await mkdtemp(join(tmpdir(), 'espace-record-cost-'));
const sandbox = await startSandbox({ dataDir, port: 0, syntheticAccounts: BATCH });
try {
  const token = await fetch(`${sandbox.url}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'espace-ci', client_secret: 'espace-ci-sandbox-secret' }),
  }).then(async (response) => ((await response.json()) as { access_token: string }).access_token);
  const api = new HttpClient({ baseUrl: sandbox.url, userAgent: 'espace-bench', tokens: { token: async () => token } as never });

  // The batch's two answers, as espace's own batch lookup asked for them.
  const bodies: unknown[] = [];
  const get = api.get.bind(api);
  api.get = async (path, query) => {
    const response = await get(path, query);
    bodies.push(response.body);
    return response;
  };
  const accounts = Array.from({ length: BATCH }, (_, i) => `BA-${100001 + i}`);
  const context = { api, t: ((key: string) => key) as never, locale: 'en-CA' as const, clock: () => new Date() };
  const found = await billShowBulk.lookupBatch!(accounts, { bill: 'latest' } as never, context);
  await api.close();
  if (found.size !== BATCH || bodies.length !== 2) throw new Error(`expected ${BATCH} accounts in 2 requests, got ${found.size} in ${bodies.length}`);
  const [billsText, ratesText] = bodies.map((body) => JSON.stringify(body)) as [string, string];

  const Bills = z.array(withOneCurrency(BillOfAccount));
  const Rates = z.array(RateOfBill);
  const billsJson = JSON.parse(billsText) as unknown;
  const ratesJson = JSON.parse(ratesText) as unknown;
  const checkedBills = Bills.parse(billsJson);
  const checkedRates = Rates.parse(ratesJson);
  const toLines = () => {
    const lines = new Map<string, BillLine[]>();
    for (const rate of checkedRates) lines.set(rate.bill!.id, [...(lines.get(rate.bill!.id) ?? []), toBillLine(rate, 'CAD')]);
    return lines;
  };
  const bills = checkedBills.map(toBill);
  const lines = toLines();
  const records = bills.map((bill) => ({ account: bill.accountId, ok: true, data: billJson(bill, lines.get(bill.id) ?? [], 'en-CA') }));

  /**
   * Microseconds of CPU (user + system: time spent waiting for a core on a busy machine is not
   * counted) per account: warmed up, then the median of five timings of many rounds each.
   */
  const time = (work: () => unknown): number => {
    for (let i = 0; i < 200; i++) work();
    const rounds = 400;
    const trials: number[] = [];
    for (let trial = 0; trial < 5; trial++) {
      const started = process.cpuUsage();
      for (let i = 0; i < rounds; i++) work();
      const used = process.cpuUsage(started);
      trials.push((used.user + used.system) / rounds / BATCH);
    }
    return trials.sort((a, b) => a - b)[2]!;
  };
  // As parseResource does: the quick check, and zod only when it says no.
  const quickBills = quickCheckOf(Bills)!;
  const quickRates = quickCheckOf(Rates)!;
  const checked = <T>(quick: (value: unknown) => boolean, schema: z.ZodType<T>, value: unknown): T => (quick(value) ? (value as T) : schema.parse(value));
  const stages: [string, number][] = [
    ['parse the two answers (JSON.parse)', time(() => [JSON.parse(billsText), JSON.parse(ratesText)])],
    ['validate them (quick check; zod would take the rest)', time(() => [checked(quickBills, Bills, billsJson), checked(quickRates, Rates, ratesJson)])],
    ['(validate them with zod alone, for comparison)', time(() => [Bills.parse(billsJson), Rates.parse(ratesJson)])],
    ['domain objects (toBill, toBillLine)', time(() => [checkedBills.map(toBill), toLines()])],
    ['the record (billJson: five sections, money texts)', time(() => bills.map((bill) => billJson(bill, lines.get(bill.id) ?? [], 'en-CA')))],
    ['serialise it (JSON.stringify)', time(() => records.map((record) => `${JSON.stringify(record)}\n`).join(''))],
  ];
  const all = time(() => {
    const fresh = checked(quickBills, Bills, JSON.parse(billsText)).map(toBill);
    const rates = checked(quickRates, Rates, JSON.parse(ratesText));
    const byBill = new Map<string, BillLine[]>();
    for (const rate of rates) byBill.set(rate.bill!.id, [...(byBill.get(rate.bill!.id) ?? []), toBillLine(rate, 'CAD')]);
    return fresh.map((bill) => `${JSON.stringify({ account: bill.accountId, ok: true, data: billJson(bill, byBill.get(bill.id) ?? [], 'en-CA') })}\n`).join('');
  });
  console.log(`node ${process.version}; one batch of ${BATCH} accounts (${billsText.length + ratesText.length} bytes of JSON)`);
  console.log('| stage, per account | CPU | share of all |');
  console.log('|---|---:|---:|');
  for (const [name, micros] of stages) console.log(`| ${name} | ${micros.toFixed(1)} µs | ${Math.round((micros / all) * 100)} % |`);
  console.log(`| all of it, in one go | ${all.toFixed(1)} µs | 100 % |`);
} finally {
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
}
