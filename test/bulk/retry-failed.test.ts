/**
 * `--retry-failed`: a run that ends with failed accounts keeps its journal, which marks them;
 * `--resume --retry-failed` (or `--retry-failed` alone) looks up those accounts again and no
 * other, while `--resume` alone still skips them. The first run's successes and the retry's
 * records together are what a clean run writes, record for record.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAILED_PREFIX, JOURNAL_HEADER, Journal } from '../../src/bulk/journal.js';
import { runCli } from '../helpers/cli.js';
import { recordsByAccount, useBulkFixture } from './fixture.js';
import { accountsOf } from './proxy.js';

const ACCOUNTS = Array.from({ length: 12 }, (_, i) => `BA-${100001 + i}`);
const FAILING = new Set(['BA-100003', 'BA-100008']);
const fixture = useBulkFixture(ACCOUNTS);
const env = (data: string) => ({
  ESPACE_API_URL: fixture.proxy.url,
  ESPACE_TOKEN: fixture.sandbox.tokens.agent,
  ESPACE_CONFIG_DIR: join(fixture.dir, 'config'),
  ESPACE_DATA_DIR: join(fixture.dir, data),
});
/** The accounts whose bills were asked for, in the order asked. */
const askedFor = () => fixture.proxy.log.filter((entry) => entry.injected === undefined).flatMap((entry) => accountsOf(entry.url));

/** Refuses (403) every bill request naming one of the failing accounts: their lookups fail. */
function failSome(): void {
  fixture.proxy.setFault((request) => (accountsOf(request.url ?? '').some((account) => FAILING.has(account)) ? { status: 403 } : undefined));
}

describe('bulk --retry-failed', () => {
  for (const batchSize of ['1', '50']) {
    it(`looks up again only the accounts that failed (--batch-size ${batchSize})`, async () => {
      const args = ['bill', 'show', '--accounts-from', fixture.list, '--batch-size', batchSize];
      const data = `data-${batchSize}`;
      const clean = await runCli(args, { env: env(`clean-${batchSize}`) });
      expect(clean.code).toBe(0);

      failSome();
      const first = await runCli(args, { env: env(data) });
      expect(first.code).toBe(3);
      expect(first.stderr).toContain('--retry-failed');
      const firstRecords = recordsByAccount(first.stdout);
      expect([...firstRecords.values()].filter((line) => line.includes('"ok":false')).length).toBe(FAILING.size);
      // The journal is kept (it holds failures) and marks them.
      const journals = await readdir(join(fixture.dir, data, 'bulk'));
      expect(journals).toHaveLength(1);
      const journalText = await readFile(join(fixture.dir, data, 'bulk', journals[0]!), 'utf8');
      expect(
        journalText
          .split('\n')
          .filter((line) => line.startsWith(FAILED_PREFIX))
          .map((line) => line.slice(FAILED_PREFIX.length))
          .sort(),
      ).toEqual([...FAILING].sort());

      // --resume alone: every account is done, failed or not; nothing is asked.
      fixture.proxy.reset();
      const resumed = await runCli([...args, '--resume'], { env: env(data) });
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toContain(`${ACCOUNTS.length} accounts already done, 0 to go`);
      expect(resumed.stdout).toBe('');
      expect(askedFor()).toEqual([]);

      // Still failing: retried, failed again, still in the journal for the next retry.
      failSome();
      const stillFailing = await runCli([...args, '--resume', '--retry-failed'], { env: env(data) });
      expect(stillFailing.code).toBe(3);
      expect(stillFailing.stderr).toContain(`Retrying ${FAILING.size} failed accounts`);
      expect([...recordsByAccount(stillFailing.stdout).keys()].sort()).toEqual([...FAILING].sort());

      // The server is well again: --retry-failed alone resumes and asks for the failed accounts only.
      fixture.proxy.reset();
      const retried = await runCli([...args, '--retry-failed'], { env: env(data) });
      expect(retried.code).toBe(0);
      expect(new Set(askedFor())).toEqual(FAILING);
      const retriedRecords = recordsByAccount(retried.stdout);
      expect([...retriedRecords.keys()].sort()).toEqual([...FAILING].sort());

      // The first run's records, each replaced by its retry's: the clean run, record for record.
      const merged = new Map([...firstRecords, ...retriedRecords]);
      expect(merged).toEqual(recordsByAccount(clean.stdout));
      // Nothing left to retry: the run's own journal is gone.
      expect(await readdir(join(fixture.dir, data, 'bulk'))).toEqual([]);
    });
  }

  it('reads a journal line by line: the last line about an account says whether it failed', async () => {
    const path = join(fixture.dir, 'lines.journal');
    await writeFile(path, `${JOURNAL_HEADER}A\n${FAILED_PREFIX}B\n${FAILED_PREFIX}C\nC\n${FAILED_PREFIX}D\n${FAILED_PREFIX}E`);
    const journal = Journal.open(path, true);
    expect([...journal.done].sort()).toEqual(['A', 'B', 'C', 'D']);
    expect([...journal.failed].sort()).toEqual(['B', 'D']);
    journal.append('B');
    journal.append('A', false);
    await journal.close();
    const again = Journal.open(path, true);
    expect([...again.failed].sort()).toEqual(['A', 'D']);
    await again.close();
  });
});
