import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../src/api/errors.js';
import { CircuitBreaker } from '../../src/bulk/breaker.js';
import { SharedGate } from '../../src/bulk/gate.js';
import { parseAccountList as parseList } from '../../src/bulk/input.js';
import { valueAt } from '../../src/bulk/output.js';
import { runScheduler } from '../../src/bulk/scheduler.js';
import { inShard, parseShard } from '../../src/bulk/shard.js';
import { EspaceError } from '../../src/errors.js';

/** The list as plain values: its ids in order and the count of repeats. */
function parseAccountList(text: string): { accounts: string[]; duplicates: number } {
  const list = parseList(text);
  return { accounts: [...list.accounts], duplicates: list.duplicates };
}

describe('account list', () => {
  it('reads one id per line, skipping blanks, comments and duplicates', () => {
    const list = parseAccountList('# queue of 26 Nov\nBA-1\n\n  BA-2  \r\nBA-1\n# BA-3\nBA-3\n');
    expect(list).toEqual({ accounts: ['BA-1', 'BA-2', 'BA-3'], duplicates: 1 });
  });

  it('reads the account column of a CSV named in its header, with quoted fields', () => {
    const list = parseAccountList('ticket,"Account ID",note\n17,BA-9,"late, again"\n18,"BA-8",x\n19,BA-9,dup\n');
    expect(list).toEqual({ accounts: ['BA-9', 'BA-8'], duplicates: 1 });
  });

  it('sniffs a semicolon or tab separator from the header, as spreadsheets write them', () => {
    // French Excel's default: `;` between fields, `,` as the decimal mark inside them.
    const semicolon = parseAccountList('\uFEFFbillet;Numéro de compte;montant\r\n17;BA-9;12,50\r\n18;"BA-8";"a; b"\r\n19;BA-9;3,00\r\n');
    expect(semicolon).toEqual({ accounts: ['BA-9', 'BA-8'], duplicates: 1 });
    const tab = parseAccountList('ticket\taccount\tnote\n17\tBA-7\tlate, again\n18\tBA-6\tx; y\n');
    expect(tab).toEqual({ accounts: ['BA-7', 'BA-6'], duplicates: 0 });
    // The account column alone, a semicolon in a note: the header still decides.
    expect(parseAccountList('compte;note\nBA-5;a,b\n').accounts).toEqual(['BA-5']);
    expect(() => parseAccountList('ticket;customer\n1;BA-1\n')).toThrow(EspaceError);
  });

  it('says which header it could not use', () => {
    expect(() => parseAccountList('ticket,customer\n1,BA-1\n')).toThrow(EspaceError);
  });
});

describe('shards', () => {
  it('split a list into disjoint parts that together hold every account, whatever its order', () => {
    const accounts = Array.from({ length: 500 }, (_, i) => `BA-${100001 + i}`);
    const parts = [1, 2, 3].map((index) => accounts.filter((account) => inShard(account, { index, count: 3 })));
    expect(parts.flat().sort()).toEqual([...accounts].sort());
    for (const part of parts) expect(part.length).toBeGreaterThan(100);
    const reversed = [...accounts].reverse().filter((account) => inShard(account, { index: 2, count: 3 }));
    expect(reversed.reverse()).toEqual(parts[1]);
  });

  it('reject malformed specs', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(EspaceError);
  });

  it('take K from a Kubernetes Indexed Job with job/N: completion index 0 is shard 1', () => {
    expect(parseShard('job/4', { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 1, count: 4 });
    expect(parseShard('job/4', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 4, count: 4 });
    for (const index of [undefined, '', '4', '-1', '1.5', 'one']) {
      expect(() => parseShard('job/4', { JOB_COMPLETION_INDEX: index }), String(index)).toThrow('bulk.shard.badCompletionIndex');
    }
    expect(() => parseShard('job/0', { JOB_COMPLETION_INDEX: '0' })).toThrow(EspaceError);
  });
});

describe('shared gate', () => {
  it('holds every worker back until the Retry-After one of them received', async () => {
    let clock = 1_000;
    const slept: number[] = [];
    const gate = new SharedGate({ now: () => clock, sleep: async (ms) => void (slept.push(ms), (clock += ms)) });
    await gate.beforeAttempt();
    expect(slept).toEqual([]);
    gate.afterResponse(429, { 'retry-after': '2' });
    await gate.beforeAttempt(); // another worker, which never saw the 429
    expect(clock).toBeGreaterThanOrEqual(3_000);
    gate.afterResponse(200, {});
    const before = clock;
    await gate.beforeAttempt();
    expect(clock).toBe(before);
  });

  it('spaces requests to the rate across workers', async () => {
    let clock = 0;
    const gate = new SharedGate({ rps: 10, now: () => clock, sleep: async (ms) => void (clock += ms) });
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      await gate.beforeAttempt();
      starts.push(clock);
    }
    expect(starts).toEqual([0, 100, 200, 300, 400]);
  });
});

describe('circuit breaker', () => {
  const info = { method: 'GET', url: 'http://x/y', requestId: 'r' };
  it('opens after consecutive server failures only', () => {
    const breaker = new CircuitBreaker(3);
    breaker.failed(new ApiError(503, undefined, info));
    breaker.failed(new NetworkError(info, 'ECONNREFUSED'));
    breaker.failed(new ApiError(404, undefined, info)); // the account's own answer
    breaker.failed(new ApiError(500, undefined, info));
    breaker.succeeded();
    expect(breaker.open).toBe(false);
    for (let i = 0; i < 3; i++) breaker.failed(new ApiError(502, undefined, info));
    expect(breaker.open).toBe(true);
  });
});

describe('scheduler', () => {
  const accounts = Array.from({ length: 200 }, (_, i) => `A${i}`);
  const jitter = (batch: readonly string[]) => new Promise<string[]>((resolve) => setTimeout(() => resolve([...batch]), Number(batch[0]!.slice(1)) % 7));

  it.each([1, 8])('emits every account once, in input order when ordered, with bounded lookups in flight (batches of %i)', async (batchSize) => {
    const emitted: string[] = [];
    const batches: string[][] = [];
    let inFlight = 0;
    let peak = 0;
    const result = await runScheduler({
      accounts,
      concurrency: 5,
      batchSize,
      ordered: true,
      lookup: async (batch) => {
        batches.push([...batch]);
        peak = Math.max(peak, ++inFlight);
        const value = await jitter(batch);
        inFlight--;
        return value;
      },
      emit: (account, outcome) => {
        expect(outcome).toBe(account);
        emitted.push(account);
      },
      ready: async () => {},
      stop: () => false,
    });
    expect(emitted).toEqual(accounts);
    expect(result).toEqual({ emitted: 200, stopped: false });
    expect(peak).toBeLessThanOrEqual(5);
    // Consecutive runs of the list, each at most the batch size, together the whole list once.
    expect(batches.every((batch) => batch.length >= 1 && batch.length <= batchSize)).toBe(true);
    expect(batches.flat().sort()).toEqual([...accounts].sort());
    expect(batches.filter((batch) => batch.length === batchSize).length).toBe(Math.floor(200 / batchSize));
  });

  it('stops taking accounts when asked, and still emits those in flight', async () => {
    const emitted: string[] = [];
    const result = await runScheduler({
      accounts,
      concurrency: 4,
      ordered: false,
      lookup: jitter,
      emit: (account) => emitted.push(account),
      ready: async () => {},
      stop: () => emitted.length >= 50,
    });
    expect(result.stopped).toBe(true);
    expect(new Set(emitted).size).toBe(emitted.length);
    expect(emitted.length).toBeGreaterThanOrEqual(50);
    expect(emitted.length).toBeLessThan(50 + 4);
  });
});

it('flattens dotted paths for CSV columns', () => {
  const record = { account: 'BA-1', ok: true, data: [{ totalDue: { amount: 5 } }] };
  expect(valueAt(record, 'data.0.totalDue.amount')).toBe(5);
  expect(valueAt(record, 'data.length')).toBe(1);
  expect(valueAt(record, 'error.code')).toBeUndefined();
});

describe('progress line', () => {
  it('shows done, failed, rate and time left', async () => {
    const { ProgressLine } = await import('../../src/bulk/progress.js');
    const { translator } = await import('../../src/i18n/catalog.js');
    let clock = 0;
    const line = new ProgressLine(
      () => {},
      translator('en'),
      () => ({ done: 250, failed: 3, total: 1000 }),
      () => clock,
    );
    clock = 10_000;
    expect(line.render()).toBe(`${'█'.repeat(6)}${'░'.repeat(18)} 250/1000 · 3 failed · 25/s · 0:30 left`);
  });
});
