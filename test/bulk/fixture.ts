/**
 * What the bulk tests share: a sandbox holding generated accounts, behind the recording proxy,
 * and a temporary directory with a list of accounts in it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { startProxy, type Proxy } from './proxy.js';

export interface BulkFixture {
  sandbox: TestSandbox;
  proxy: Proxy;
  dir: string;
  /** `accounts`, one per line. */
  list: string;
  close(): Promise<void>;
}

export async function startBulkFixture(accounts: readonly string[], syntheticAccounts = accounts.length): Promise<BulkFixture> {
  const sandbox = await startTestSandbox({ syntheticAccounts });
  const proxy = await startProxy(sandbox.url);
  const dir = await mkdtemp(join(tmpdir(), 'espace-bulk-'));
  const list = join(dir, 'accounts.txt');
  await writeFile(list, `${accounts.join('\n')}\n`);
  return {
    sandbox,
    proxy,
    dir,
    list,
    close: async () => {
      await proxy.close();
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
