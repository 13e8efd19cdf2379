/**
 * Orders over sandbox time (as the sandbox program runs them): acknowledged when placed,
 * inProgress, then completed — the inventory changes only then — or failed for the out-of-stock
 * test offer; `order show --watch` follows an order to its final state.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_PROGRESS } from '../../src/sandbox/clock/order-progress.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const REAL = new Date('2026-12-07T15:20:00Z');
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAnchor: '2026-12-01', now: () => REAL, clockTickMs: 0, orderProgress: ORDER_PROGRESS });
  writeFileSync(join(sandbox.dataDir, 'sandbox.json'), JSON.stringify({ pid: process.pid, url: sandbox.url, port: sandbox.port }));
});
afterAll(async () => {
  await sandbox?.close();
});

const env = { ESPACE_API_URL: '', ESPACE_TOKEN: '', ESPACE_CONFIG_DIR: '/nonexistent/espace-test' };
const marie = (argv: string[]) => runCli(argv, { env: { ...env, ESPACE_API_URL: sandbox.url, ESPACE_TOKEN: sandbox.tokens.marie } });
const advance = (by: string) => runCli(['sandbox', 'clock', 'advance', by, '--data', sandbox.dataDir], { env });
async function products(): Promise<string[]> {
  const shown = await marie(['plan', 'show', '--json']);
  expect(shown.code, shown.stderr).toBe(0);
  return (JSON.parse(shown.stdout) as { products: { offeringId: string }[] }).products.map((p) => p.offeringId);
}
async function placeAddOn(offer: string): Promise<string> {
  const placed = await marie(['addon', 'add', offer, '--accept-terms', '--yes', '--json']);
  expect(placed.code, placed.stderr).toBe(0);
  const order = JSON.parse(placed.stdout).order;
  expect(order.state).toBe('acknowledged');
  return order.id;
}

describe('orders over sandbox time', () => {
  it('go acknowledged → in progress → completed, and change the inventory only on completion', async () => {
    const id = await placeAddOn('OFF-ADD-PVR');
    expect(await products()).not.toContain('OFF-ADD-PVR');
    const watching = marie(['order', 'show', id, '--watch']);
    const moved = await advance('1h');
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toMatch(new RegExp(`\\torder\\tBA-1001\\t${id}\\tinProgress\\n.*\\torder\\tBA-1001\\t${id}\\tcompleted`));
    const watched = await watching;
    expect(watched.code, watched.stderr).toBe(0);
    expect(watched.stdout.split('\n')[0]).toBe(`Order ${id}: completed (acknowledged → in progress → completed)`);
    expect(await products()).toContain('OFF-ADD-PVR');
  });

  it('fail for the out-of-stock test offer, saying why, and change nothing; --watch exits 1', async () => {
    const id = await placeAddOn('OFF-ADD-WIFI');
    const watching = marie(['order', 'show', id, '--watch']);
    expect((await advance('1h')).code).toBe(0);
    const watched = await watching;
    expect(watched.code).toBe(1);
    expect(watched.stdout.split('\n')[0]).toBe(`Order ${id}: failed (acknowledged → in progress → failed)`);
    expect(watched.stderr).toContain('out of stock');
    expect(await products()).not.toContain('OFF-ADD-WIFI');
  });
});
