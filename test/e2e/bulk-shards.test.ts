/**
 * Shards across processes, as N jobs of a CI matrix or the pods of a Kubernetes Indexed Job run
 * them: N built CLIs at once over one list, each with `--shard K/N` or `--shard job/N` and its
 * JOB_COMPLETION_INDEX. Together they write exactly the records of one unsharded run, record for
 * record (failures too), each account in one shard only.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/sandbox.js';
import { espace } from '../helpers/spawn.js';
import { recordsByAccount, startBulkFixture } from '../bulk/fixture.js';
import type { Proxy } from '../bulk/proxy.js';

const SHARDS = 4;
const GENERATED = Array.from({ length: 240 }, (_, i) => `BA-${100001 + i}`);
/** Unknown accounts among them: their failed records must be split and kept like the others. */
const ACCOUNTS = [...GENERATED, 'BA-999001', 'BA-999002', 'BA-999003', 'BA-999004', 'BA-999005'];
let sandbox: TestSandbox;
let proxy: Proxy;
let dir: string;
let list: string;
let close: () => Promise<void>;

beforeAll(async () => ({ sandbox, proxy, dir, list, close } = await startBulkFixture(ACCOUNTS, GENERATED.length)), 300_000);
afterAll(() => close?.());

const env = (extra: Record<string, string> = {}) => ({
  ESPACE_API_URL: proxy.url,
  ESPACE_TOKEN: sandbox.tokens.agent,
  ESPACE_CONFIG_DIR: join(dir, 'config'),
  ESPACE_DATA_DIR: join(dir, 'data'),
  NODE_EXTRA_CA_CERTS: undefined,
  JOB_COMPLETION_INDEX: undefined,
  ...extra,
});

describe.each([
  ['bill', 'show'],
  ['account', 'show'],
  ['payment', 'list'],
])('%s %s --accounts-from, in %i shards', (noun, verb) => {
  it(`the shards of ${SHARDS} processes together write the unsharded run's records`, async () => {
    const args = [noun!, verb!, '--accounts-from', list];
    // Half the processes name their shard, half read it as a Kubernetes Indexed Job's pod does.
    const [whole, ...shards] = await Promise.all([
      espace(args, { env: env() }),
      ...Array.from({ length: SHARDS }, (_, index) =>
        index % 2 === 0
          ? espace([...args, '--shard', `${index + 1}/${SHARDS}`], { env: env() })
          : espace([...args, '--shard', `job/${SHARDS}`], { env: env({ JOB_COMPLETION_INDEX: String(index) }) }),
      ),
    ]);
    expect(whole!.code, whole!.stderr).toBe(3);
    const expected = recordsByAccount(whole!.stdout);
    expect(expected.size).toBe(ACCOUNTS.length);

    const union = new Map<string, string>();
    for (const [index, shard] of shards.entries()) {
      expect([0, 3], `shard ${index + 1}: ${shard.stderr}`).toContain(shard.code);
      const records = recordsByAccount(shard.stdout);
      expect(records.size, `shard ${index + 1} is empty`).toBeGreaterThan(0);
      for (const [account, record] of records) {
        expect(union.has(account), `${account} in two shards`).toBe(false);
        union.set(account, record);
      }
    }
    expect(union).toEqual(expected);
  });
});

it('refuses job/N outside an Indexed Job, saying which variable it needs (exit 2, nothing sent)', async () => {
  proxy.log.length = 0;
  const result = await espace(['bill', 'show', '--accounts-from', list, '--shard', `job/${SHARDS}`], { env: env() });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('JOB_COMPLETION_INDEX');
  expect(result.stdout).toBe('');
  expect(proxy.log).toEqual([]);
});
