/**
 * A bulk run end to end: read the list, keep this shard's accounts, skip what the journal says is
 * done, look the rest up with bounded concurrency over one shared connection pool, write each
 * record as it arrives, and sum up on stderr. Exit: 0 when every account succeeded, `partial`
 * (3) when some failed, and an error when the run had to stop (interrupted, the server kept
 * failing, the session was refused).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../api/errors.js';
import { AuthError, CancelledError, EspaceError, GeneralError, UsageError } from '../errors.js';
import type { CommandDeps } from '../cli/command-deps.js';
import { dataDir } from '../config/paths.js';
import { USER_AGENT } from '../version.js';
import { batchedLookup } from './batch.js';
import { CircuitBreaker } from './breaker.js';
import { HeapGrowthCap } from './heap.js';
import { SharedGate } from './gate.js';
import { type AccountList, readAccountList } from './input.js';
import { listenForInterruption } from './interrupt.js';
import { Journal } from './journal.js';
import { createRecordWriter } from './output.js';
import { ProgressLine } from './progress.js';
import { type BulkRecord, failureRecord, successRecord } from './record.js';
import { runScheduler } from './scheduler.js';
import { inShard } from './shard.js';
import type { BulkCommand, BulkOptions, LookupContext } from './types.js';

export interface BulkRunRequest<O> {
  /** The command's name, e.g. `bill show` (part of the journal's identity). */
  name: string;
  command: BulkCommand<O>;
  /** The command's own options, passed to every lookup. */
  options: O;
  bulk: BulkOptions;
}

/** Attempts per request after the first: a bulk run rides out more 429s and 503s than one command. */
const BULK_RETRIES = 4;

/** A lookup's outcome: a record, or nothing (the run is stopping: left for `--resume`). */
type Outcome = { record: BulkRecord } | { skipped: true };

export async function runBulk<O>(request: BulkRunRequest<O>, ctx: CommandDeps): Promise<void> {
  const { bulk } = request;
  const { io, t } = ctx;
  const listed = await readList(bulk.accountsFrom, ctx);
  const accounts = bulk.shard ? listed.accounts.filter((account) => inShard(account, bulk.shard!)) : listed.accounts;
  const journal = Journal.open(bulk.journal ?? defaultJournalPath(request, accounts, ctx.target().apiUrl, dataDir(ctx.env)), bulk.resume, {
    mustBeJournal: bulk.journal !== undefined,
  });
  const retried = bulk.retryFailed ? journal.failed : new Set<string>();
  const pending = journal.done.length === 0 ? accounts : accounts.filter((account) => !journal.done.has(account) || retried.has(account));
  if (bulk.retryFailed) {
    let failed = 0;
    for (const account of accounts) if (retried.has(account)) failed++;
    io.err(`${t('bulk.retrying', { failed, done: accounts.length - pending.length, left: pending.length, journal: journal.path })}\n`);
  } else if (bulk.resume) io.err(`${t('bulk.resuming', { done: accounts.length - pending.length, left: pending.length, journal: journal.path })}\n`);

  const gate = new SharedGate({ rps: bulk.rps });
  const breaker = new CircuitBreaker();
  const { HttpClient } = await import('../api/http.js');
  const api = new HttpClient({
    baseUrl: ctx.target().apiUrl,
    apiMap: ctx.target().apiPaths,
    userAgent: USER_AGENT,
    tokens: await ctx.session(),
    connections: bulk.concurrency,
    retries: BULK_RETRIES,
    gate,
    ...ctx.requestLimits(),
    locale: ctx.locale,
    notices: ctx.notices,
  });
  const lookupContext: LookupContext = { api, t, locale: ctx.locale, clock: ctx.clock };
  const writer = createRecordWriter(io.stdout, bulk.format, bulk.fields ?? request.command.csvFields, bulk.dataFields);
  const counts = { done: 0, failed: 0, total: pending.length };
  let fatal: unknown;
  const interruption = listenForInterruption(() => io.err(`\n${t('bulk.stopping')}\n`));
  // The plain layout (--plain, TERM=dumb) has no animation: a screen reader would read every redraw.
  const progress = io.stderrIsTTY && !io.plain ? new ProgressLine(io.err, t, () => counts) : undefined;
  /** Accounts whose records are queued in the writer (and whether each succeeded), journaled once the records have left the process. */
  let unflushed: { account: string; ok: boolean }[] = [];
  const started = Date.now();

  const succeeded = (account: string, data: unknown): Outcome => {
    breaker.succeeded();
    return { record: successRecord(account, data) };
  };
  const failed = (account: string, error: unknown): Outcome => {
    if (stopsTheRun(error)) {
      fatal ??= error;
      return { skipped: true };
    }
    breaker.failed(error);
    return { record: failureRecord(account, error, t) };
  };
  const lookupOne = async (account: string): Promise<Outcome> => {
    try {
      return succeeded(account, await request.command.lookup(account, request.options, lookupContext));
    } catch (error) {
      return failed(account, error);
    }
  };
  const stopping = () => interruption.requested || breaker.open || fatal !== undefined || writer.closed;
  const { lookupBatch } = request.command;
  const batchSize = lookupBatch ? batchSizeFor(bulk, pending.length) : 1;
  const lookup =
    lookupBatch && batchSize > 1
      ? batchedLookup<Outcome>({
          batch: (batch) => lookupBatch(batch, request.options, lookupContext),
          one: lookupOne,
          succeeded,
          batchFailed: (error) => {
            if (stopsTheRun(error)) fatal ??= error;
            else breaker.failed(error);
          },
          skipped: () => ({ skipped: true }),
          stopping,
        })
      : (batch: readonly string[]) => Promise.all(batch.map(lookupOne));

  await api.prepare();
  const heapCap = new HeapGrowthCap();
  progress?.start();
  try {
    await runScheduler<Outcome>({
      accounts: pending,
      concurrency: bulk.concurrency,
      batchSize,
      ordered: bulk.ordered,
      lookup,
      emit: (account, outcome) => {
        if ('skipped' in outcome) return;
        // Not journaled when the reader has gone: the record was not delivered.
        if (writer.closed) return;
        writer.write(outcome.record);
        unflushed.push({ account, ok: outcome.record.ok });
        counts.done++;
        if (!outcome.record.ok) counts.failed++;
      },
      // The records first, then the journal, once the records have left the process (a record
      // still queued here dies with a killed process): a journaled account is always in the output.
      flush: () => {
        const written = unflushed;
        unflushed = [];
        writer.flush(() => {
          for (const { account, ok } of written) journal.append(account, ok);
          journal.flush();
        });
        heapCap.check();
      },
      ready: () => writer.ready(),
      stop: stopping,
    });
  } finally {
    heapCap.restore();
    progress?.stop();
    // Records still on their way get journaled when they arrive; a second Ctrl-C while a stalled
    // reader holds them quits, and they are looked up again on --resume.
    await writer.settled();
    interruption.dispose();
    await journal.close();
    await api.close();
  }

  const seconds = (Date.now() - started) / 1000;
  io.err(
    `${t('bulk.summary', {
      total: accounts.length,
      ok: counts.done - counts.failed,
      failed: counts.failed,
      skipped: accounts.length - pending.length,
      left: pending.length - counts.done,
      seconds: seconds.toFixed(1),
      rate: Math.round(counts.done / Math.max(seconds, 0.001)),
    })}\n`,
  );
  if (listed.duplicates > 0) io.err(`${t('bulk.duplicates', { count: listed.duplicates })}\n`);

  // A run that got through its list with no failure left leaves nothing to resume or retry: its
  // own journal would only pile up. One that holds failures is kept for --retry-failed; one the
  // user named with --journal is theirs to keep.
  const incomplete = counts.done < pending.length;
  const finished = !incomplete && fatal === undefined && !breaker.open && journal.failed.size === 0;
  if (finished && bulk.journal === undefined) await rm(journal.path, { force: true });

  if (fatal !== undefined) throw fatal;
  if (breaker.open) {
    throw new GeneralError('bulk.circuitOpen', {
      params: { count: breaker.failuresInARow, reason: describe(breaker.lastFailure, ctx) },
      hint: 'bulk.hintResume',
      hintParams: { journal: journal.path },
    });
  }
  if (incomplete && interruption.requested) throw new CancelledError({ hint: 'bulk.hintResume', hintParams: { journal: journal.path } });
  if (counts.failed > 0) {
    throw new EspaceError('partial', 'bulk.partial', {
      params: { failed: counts.failed, total: counts.done },
      hint: 'bulk.hintRetryFailed',
      hintParams: { journal: journal.path },
    });
  }
}

/** The batch size asked for, made smaller when the list is short so that every worker gets some. */
function batchSizeFor(bulk: BulkOptions, accounts: number): number {
  return Math.max(1, Math.min(bulk.batchSize, Math.ceil(accounts / bulk.concurrency)));
}

/** The account list from a file or stdin, read line by line with bounds (input.ts). */
async function readList(source: string, ctx: CommandDeps): Promise<AccountList> {
  if (source === '-') return readAccountList(ctx.io.stdin, 'stdin');
  try {
    return await readAccountList(createReadStream(source), source);
  } catch (error) {
    if (error instanceof EspaceError) throw error;
    throw new UsageError('bulk.input.unreadable', { params: { file: source, reason: (error as NodeJS.ErrnoException).code ?? String(error) } });
  }
}

/** A failure that would repeat for every account: the session itself was refused. */
function stopsTheRun(error: unknown): boolean {
  return error instanceof AuthError || (error instanceof ApiError && error.status === 401);
}

function describe(error: unknown, ctx: CommandDeps): string {
  return error instanceof EspaceError ? error.describe(ctx.t) : String(error);
}

/** The same command, options, shard and list share a journal, so `--resume` finds it by itself. */
function defaultJournalPath<O>(request: BulkRunRequest<O>, accounts: Iterable<string>, apiUrl: string, dataDirectory: string): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([request.name, request.options, request.bulk.shard ?? null, apiUrl]));
  for (const account of accounts) hash.update(`${account}\n`);
  return join(dataDirectory, 'bulk', `${request.name.replace(/\s+/g, '-')}-${hash.digest('hex').slice(0, 16)}.journal`);
}
