/** `usage show` against a real sandbox: totals, projection, overage, and the three output forms. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overageCost, project, summarizeUsage } from '../../src/domain/usage.js';
import { renderBarChart, barOf } from '../../src/output/chart.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { get } from '../sandbox/client.js';
import { cliEnv } from '../helpers/env.js';

/** 17 November 2026: 17 days used, 13 left. */
const NOW = new Date('2026-11-17T15:00:00Z');
const clock = () => NOW;
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAnchor: '2026-11-01', now: clock });
});
afterAll(async () => {
  await sandbox.close();
});

const cli = (argv: string[], tty = false) => runCli(argv, { env: cliEnv({ url: sandbox.url, token: sandbox.tokens.marie }), clock, tty });

async function sumFromApi(query: string): Promise<number> {
  const records = (await get(sandbox.url, `/tmf-api/usageManagement/v4/usage?billingAccount.id=BA-1001&${query}`, sandbox.tokens.marie)).body;
  return records.reduce((sum: number, r: any) => sum + r.usageCharacteristic.find((c: any) => c.name === 'quantity').value, 0);
}

describe('usage show', () => {
  it('reports data against the allowance, the days left, the projection and its overage', async () => {
    const result = await cli(['usage', 'show', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const usage = JSON.parse(result.stdout);
    expect(usage.daysLeft).toBe(13);
    expect(usage.cycle).toEqual({ start: '2026-11-01', end: '2026-11-30', days: 30 });
    const mobile = usage.products.find((p: any) => p.service === 'mobile');
    const used = await sumFromApi('usageType=mobileData&usageDate.gte=2026-11-01&usageDate.lte=2026-11-17');
    expect(mobile.dataMb.used).toBe(used);
    expect(mobile.dataMb.allowance).toBe(20000);
    expect(mobile.dataMb.projected).toBe(Math.round((used * 30) / 17));
    const over = mobile.dataMb.projected - 20000;
    expect(mobile.overage.projected.amount).toBe(over > 0 ? Math.ceil(over / 1000) * 750 : 0);
    expect(mobile.minutes.allowance).toBe(2500);
    expect(mobile.texts.used).toBe(await sumFromApi('usageType=sms&usageDate.gte=2026-11-01&usageDate.lte=2026-11-17'));
    expect(mobile.daily).toHaveLength(17);
    expect(usage.products.find((p: any) => p.service === 'internet').dataMb.allowance).toBeNull();
    // Deterministic: the same day always shows the same usage.
    expect((await cli(['usage', 'show', '--json'])).stdout).toBe(result.stdout);
  });

  it('covers the whole previous cycle, where the projection is what was used', async () => {
    const usage = JSON.parse((await cli(['usage', 'show', '--period', 'previous', '--json'])).stdout);
    expect(usage.cycle).toEqual({ start: '2026-10-01', end: '2026-10-31', days: 31 });
    const mobile = usage.products.find((p: any) => p.service === 'mobile');
    expect(mobile.daily).toHaveLength(31);
    expect(mobile.dataMb.projected).toBe(mobile.dataMb.used);
  });

  it('draws a daily chart on a terminal and prints plain rows when piped', async () => {
    const tty = await cli(['usage', 'show'], true);
    expect(tty.stdout).toMatch(/Current cycle .* 13 days left/);
    expect(tty.stdout).toMatch(/Data: [\d.]+ GB of 20\.0 GB/);
    expect(tty.stdout).toMatch(/Nov 17 │█/);
    const piped = await cli(['usage', 'show']);
    const rows = piped.stdout.trim().split('\n');
    expect(rows).toHaveLength(17 * 4);
    expect(rows[0]).toMatch(/^2026-11-01\tPRD-1001-INT\tinternetData\t\d+$/);
    expect(piped.stdout).not.toContain('█');
  });

  it('refuses an unknown period', async () => {
    const result = await cli(['usage', 'show', '--period', 'last']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/invalid value 'last' for --period; use one of: current, previous/);
    const french = await cli(['--lang', 'fr', 'usage', 'show', '--period', 'last']);
    expect(french.code).toBe(2);
    expect(french.stderr).toMatch(/valeur invalide «\slast\s» pour --period\s; utilisez l’une de\s: current, previous/);
  });
});

describe('usage arithmetic and the chart', () => {
  it('charges each started GB above the allowance', () => {
    expect(overageCost(20_000, 20, { amount: 750, currency: 'CAD' }).amount).toBe(0);
    expect(overageCost(20_001, 20, { amount: 750, currency: 'CAD' }).amount).toBe(750);
    expect(overageCost(22_500, 20, { amount: 750, currency: 'CAD' }).amount).toBe(2250);
    expect(overageCost(99_999, undefined, { amount: 750, currency: 'CAD' }).amount).toBe(0);
    expect(project(1000, 10, 30)).toBe(3000);
  });

  it('summarizes only the product asked for', () => {
    const records = [
      { date: '2026-11-01T12:00:00.000Z', kind: 'mobileData' as const, productId: 'A', quantity: 700 },
      { date: '2026-11-01T12:00:00.000Z', kind: 'mobileData' as const, productId: 'B', quantity: 900 },
      { date: '2026-11-02T12:00:00.000Z', kind: 'voice' as const, productId: 'A', quantity: 12 },
    ];
    const summary = summarizeUsage(records, { id: 'A', name: 'A', kind: 'mobile' }, { dataGb: 1, minutes: 100 }, { days: 30, elapsedDays: 2 });
    expect(summary.data).toEqual({ used: 700, allowance: 1000, projected: 10500 });
    expect(summary.minutes?.used).toBe(12);
  });

  it('scales bars to the largest value', () => {
    expect(barOf(10, 10, 4)).toBe('████');
    expect(barOf(5, 10, 4)).toBe('██');
    expect(barOf(1, 16, 2)).toBe('▏');
    expect(
      renderBarChart(
        [
          { label: 'a', value: 2, caption: '2' },
          { label: 'bb', value: 1, caption: '1' },
        ],
        20,
      ).split('\n')[1],
    ).toBe('bb │██████▌       1');
  });
});
