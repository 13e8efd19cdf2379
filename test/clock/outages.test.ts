/**
 * Outages on the sandbox clock: `espace outage` shows them as of the sandbox's date, so moving the
 * clock forward ends an outage and starts and ends a maintenance window, each logged once.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const REAL = new Date('2026-12-07T15:20:00Z');
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedAnchor: '2026-12-01', now: () => REAL, clockTickMs: 0 });
  writeFileSync(join(sandbox.dataDir, 'sandbox.json'), JSON.stringify({ pid: process.pid, url: sandbox.url, port: sandbox.port }));
});
afterAll(async () => {
  await sandbox?.close();
});

const env = (who: 'marie' | 'luc') => ({ ESPACE_API_URL: sandbox.url, ESPACE_TOKEN: sandbox.tokens[who], ESPACE_CONFIG_DIR: '/nonexistent/espace-test' });
async function outages(who: 'marie' | 'luc'): Promise<{ id: string; status: string }[]> {
  const result = await runCli(['outage', '--json'], { env: env(who) });
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { outages: { id: string; status: string }[] }).outages.map(({ id, status }) => ({ id, status }));
}
async function advance(by: string): Promise<string> {
  const result = await runCli(['sandbox', 'clock', 'advance', by, '--data', sandbox.dataDir], { env: { ESPACE_CONFIG_DIR: '/nonexistent/espace-test' } });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('outages on the sandbox clock', () => {
  it('end and start on schedule as the clock moves, each transition logged once', async () => {
    expect(await outages('marie')).toEqual([{ id: 'SP-1001', status: 'inProgress' }]);
    expect(await outages('luc')).toEqual([{ id: 'SP-1002', status: 'acknowledged' }]);

    // SP-1001 is restored 3 hours after the hour the clock began.
    const first = await advance('3h');
    expect(first).toMatch(/^2026-12-07 18:00 UTC\toutage\t\tSP-1001\tresolved$/m);
    expect(await outages('marie')).toEqual([{ id: 'SP-1001', status: 'resolved' }]);

    // Luc's maintenance window runs from hour 30 to hour 34.
    const second = await advance('28h');
    expect(second).toMatch(/\toutage\t\tSP-1002\tstarted$/m);
    expect(await outages('luc')).toEqual([{ id: 'SP-1002', status: 'inProgress' }]);
    const third = await advance('4h');
    expect(third).toMatch(/\toutage\t\tSP-1002\tresolved$/m);
    expect(await outages('luc')).toEqual([{ id: 'SP-1002', status: 'resolved' }]);

    const log = await runCli(['sandbox', 'clock', 'log', '--json', '--data', sandbox.dataDir], { env: { ESPACE_CONFIG_DIR: '/nonexistent/espace-test' } });
    const keys = (JSON.parse(log.stdout) as { key: string }[]).map((e) => e.key).filter((key) => key.startsWith('outage:SP-100'));
    expect(keys.filter((key) => key === 'outage:SP-1002:resolved')).toHaveLength(1);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses to move backward or to read a bad duration, saying what to give', async () => {
    const backward = await runCli(['sandbox', 'clock', 'advance', '--to', '2026-01-01', '--data', sandbox.dataDir], { env: { ESPACE_CONFIG_DIR: '/x' } });
    expect(backward.code).toBe(1);
    expect(backward.stderr).toContain('only moves forward');
    const bad = await runCli(['sandbox', 'clock', 'advance', '30 days', '--data', sandbox.dataDir], { env: { ESPACE_CONFIG_DIR: '/x' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('12h, 30d, 2w, 3mo or 1y');
    const both = await runCli(['sandbox', 'clock', 'advance', '30d', '--to', '2027-01-01', '--data', sandbox.dataDir], { env: { ESPACE_CONFIG_DIR: '/x' } });
    expect(both.code).toBe(2);
  });
});
