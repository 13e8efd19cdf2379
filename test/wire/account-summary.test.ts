/**
 * `account show` joins autopay (TMF666 billingAccount characteristic) and the count of open
 * tickets (TMF621, not resolved/closed/cancelled/rejected) to the summary, in every output form.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy } from '../bulk/proxy.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

let sandbox: TestSandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  dir = await mkdtemp(join(tmpdir(), 'espace-wire-account-'));
});
afterAll(async () => {
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

const env = (token: string) => cliEnv({ url: sandbox.url, token, home: dir });
const summary = async (account: string) => {
  const result = await runCli(['--json', 'account', 'show', '--account', account], { env: env(sandbox.tokens.agent) });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { autopay: boolean; openTickets: number };
};

describe('account show: autopay and open tickets', () => {
  it('counts only the tickets still being worked on', async () => {
    // Seeded: BA-1001 has TT-1001 (inProgress) and TT-1002 (closed).
    expect(await summary('BA-1001')).toMatchObject({ autopay: false, openTickets: 1 });

    const opened = await runCli(['--json', 'ticket', 'open', '--type', 'technical', '--subject', 'Slow', '--description', 'Slow in the evening'], {
      env: env(sandbox.tokens.marie),
    });
    expect(opened.code, opened.stderr).toBe(0);
    const id = (JSON.parse(opened.stdout) as { id: string }).id;
    expect(await summary('BA-1001')).toMatchObject({ openTickets: 2 });

    const closed = await runCli(['ticket', 'close', id], { env: env(sandbox.tokens.marie) });
    expect(closed.code, closed.stderr).toBe(0);
    expect(await summary('BA-1001')).toMatchObject({ openTickets: 1 });
  });

  it('shows autopay once it is turned on, on the line, in TSV and in bulk CSV', async () => {
    const enabled = await runCli(['autopay', 'enable', '--accept-terms'], { env: env(sandbox.tokens.james) });
    expect(enabled.code, enabled.stderr).toBe(0);
    expect(await summary('BA-2001')).toMatchObject({ autopay: true, openTickets: 1 });

    const line = await runCli(['account', 'show'], { env: env(sandbox.tokens.james), tty: true });
    expect(line.stdout).toContain('autopay on · open tickets 1');
    const tsv = await runCli(['account', 'show'], { env: env(sandbox.tokens.james) });
    expect(tsv.stdout.trim().split('\t').slice(-2)).toEqual(['true', '1']);
    const french = await runCli(['--lang', 'fr', 'account', 'show'], { env: env(sandbox.tokens.james), tty: true });
    expect(french.stdout).toContain('paiement automatique activé · billets ouverts 1');
  });
});

describe('account show: requests', () => {
  it('reads the account and its autopay setting in one GET of the billingAccount', async () => {
    const proxy = await startProxy(sandbox.url);
    try {
      const result = await runCli(['--json', 'account', 'show', '--account', 'BA-1001'], {
        env: { ...env(sandbox.tokens.agent), ESPACE_API_URL: proxy.url },
      });
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ account: 'BA-1001', autopay: false, openTickets: 1 });
      const paths = proxy.log.map((request) => new URL(request.url, proxy.url).pathname);
      expect(paths.filter((path) => path.endsWith('/billingAccount/BA-1001'))).toHaveLength(1);
      // The account, its latest bill, that bill's lines and its open tickets.
      expect(paths).toHaveLength(4);
    } finally {
      await proxy.close();
    }
  });
});
