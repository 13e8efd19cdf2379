/**
 * A bill read by its id is checked, not trusted: the answer must be that bill, and with `--account`
 * a bill of that account. Otherwise the command fails (exit 1) with nothing on stdout, rather than
 * show another bill, or another account's bill as this account's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startRewriteProxy, type RewriteProxy } from '../helpers/rewrite-proxy.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { cliEnv } from '../helpers/env.js';

const BILLS = '/tmf-api/customerBillManagement/v4/customerBill';

let sandbox: TestSandbox;
let proxy: RewriteProxy;
let home: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'espace-bill-by-id-'));
  sandbox = await startTestSandbox();
  proxy = await startRewriteProxy(sandbox.url);
}, 300_000);
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});
beforeEach(() => proxy.setRules(() => undefined));

const agent = (args: string[]) => runCli(args, { env: cliEnv({ url: proxy.url, token: sandbox.tokens.agent, home }) });

/** The id of an account's latest bill, as the agent reads it. */
async function latestOf(account: string): Promise<string> {
  const shown = await agent(['bill', 'show', '--account', account, '--json']);
  expect(shown.code, shown.stderr).toBe(0);
  return (JSON.parse(shown.stdout) as { id: string }).id;
}

describe('a bill read by its id', () => {
  it('with --account of another account: refused, naming both accounts, nothing on stdout', async () => {
    const other = await latestOf('BA-2001');
    const result = await agent(['bill', 'show', other, '--account', 'BA-1001']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`bill ${other} is a bill of account BA-2001, not of account BA-1001`);
    // The same bill with its own account is shown.
    expect((await agent(['bill', 'show', other, '--account', 'BA-2001', '--json'])).code).toBe(0);
  });

  it('answered with another bill: refused, naming the id asked for, nothing on stdout', async () => {
    const asked = await latestOf('BA-1001');
    const instead = await latestOf('BA-2001');
    const insteadBody = await (await fetch(`${sandbox.url}${BILLS}/${instead}`, { headers: { authorization: `Bearer ${sandbox.tokens.agent}` } })).json();
    proxy.setRules((request) => (request.url.startsWith(`${BILLS}/${asked}`) ? { answer: { status: 200, body: insteadBody } } : undefined));
    const result = await agent(['bill', 'show', asked, '--json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`CustomerBill ${asked}`);
    expect(result.stderr).toContain(`the answer is bill ${instead}`);
  });

  it('without its account, when --account was given: refused as uncheckable', async () => {
    const bill = await latestOf('BA-1001');
    proxy.setRules((request) =>
      request.url.startsWith(`${BILLS}/${bill}`)
        ? {
            rewrite: (body) => {
              delete (body as { billingAccount?: unknown }).billingAccount;
              return body;
            },
          }
        : undefined,
    );
    const result = await agent(['bill', 'show', bill, '--account', 'BA-1001']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`CustomerBill ${bill} has no billingAccount`);
  });
});
