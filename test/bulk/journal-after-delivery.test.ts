/**
 * The journal counts an account as done only once its record has left the process. Records a
 * slow reader has not taken yet (a full pipe: they wait in the process's own buffer) die with the
 * process if it is killed; had they been journaled, `--resume` would skip them and they would be
 * missing from the output. Here the output takes a few records, then stops passing them on, and
 * the journal is read at that instant — what a kill would leave on disk — and resumed from.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { JOURNAL_HEADER } from '../../src/bulk/journal.js';
import { main } from '../../src/cli/main.js';
import { espace } from '../helpers/spawn.js';
import { useBulkFixture } from './fixture.js';
import { accountsOf, lookupsPerAccount } from './proxy.js';
import { cliEnv } from '../helpers/env.js';

const ACCOUNTS = Array.from({ length: 60 }, (_, i) => `BA-${100001 + i}`);
/** The lookup the run is waiting on when the journal is read. */
const HELD = 40;
/** Writes the output passes on before it stalls. */
const DELIVERED_WRITES = 10;

const fixture = useBulkFixture(ACCOUNTS);

/** An output that passes on the first writes, then keeps the rest (their callbacks) until `unstall`. */
function stallingOutput() {
  let delivered = '';
  let writes = 0;
  const kept: (() => void)[] = [];
  let stalled = true;
  const stream = new Writable({
    // Far above what the run writes: no back-pressure, the records simply wait in the process.
    highWaterMark: 1 << 30,
    write(chunk: Buffer, _encoding, callback) {
      const pass = () => {
        delivered += chunk.toString('utf8');
        callback();
      };
      if (writes++ < DELIVERED_WRITES || !stalled) pass();
      else kept.push(pass);
    },
  });
  return {
    stream,
    delivered: () => delivered,
    unstall: () => {
      stalled = false;
      for (const pass of kept.splice(0)) pass();
    },
  };
}

const recordsIn = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.endsWith('}'))
    .map((line) => (JSON.parse(line) as { account: string }).account);

describe('a bulk run whose reader falls behind', () => {
  it('journals only the records that left the process; a resume from that journal writes the others, each once', async () => {
    const { proxy, list, dir, sandbox } = fixture;
    const journal = join(dir, 'stalled.journal');
    const env = cliEnv({ url: proxy.url, token: sandbox.tokens.agent, home: dir });
    proxy.setHold((request) => accountsOf(request.url ?? '').includes(ACCOUNTS[HELD]!));
    const output = stallingOutput();
    const stdin = new PassThrough();
    stdin.end();
    const running = main({
      argv: ['bill', 'show', '--accounts-from', list, '--concurrency', '1', '--batch-size', '1', '--journal', journal],
      env,
      stdin,
      stdout: output.stream,
      stderr: new PassThrough().resume(),
    });

    // One lookup at a time: every account before the held one has been looked up and written.
    await proxy.waitForHeld(1);
    const delivered = recordsIn(output.delivered());
    expect(delivered).toEqual(ACCOUNTS.slice(0, DELIVERED_WRITES));
    // What a kill now would leave on disk.
    const onDisk = await readFile(journal, 'utf8');
    const journaled = onDisk
      .slice(JOURNAL_HEADER.length)
      .split('\n')
      .filter((line) => line !== '');
    expect(journaled).toEqual(delivered);

    // Let the run finish, so that nothing of it outlives the test.
    proxy.releaseHeld();
    output.unstall();
    expect(await running).toBe(0);

    // The killed run's output is what had left it; the resume starts from its journal.
    const resumed = join(dir, 'resumed.journal');
    await writeFile(resumed, onDisk);
    proxy.log.length = 0;
    const second = await espace(['bill', 'show', '--accounts-from', list, '--concurrency', '4', '--journal', resumed, '--resume'], { env });
    expect(second.code, second.stderr).toBe(0);
    const all = [...delivered, ...recordsIn(second.stdout)];
    expect(all.length).toBe(ACCOUNTS.length);
    expect(new Set(all)).toEqual(new Set(ACCOUNTS));
    // Only the accounts whose records had not left were looked up again.
    expect(new Set(lookupsPerAccount(proxy.log).keys())).toEqual(new Set(ACCOUNTS.slice(DELIVERED_WRITES)));
  }, 300_000);
});
