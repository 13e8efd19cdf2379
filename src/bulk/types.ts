/** The shapes shared by the bulk engine and the commands that offer bulk mode. */
import type { HttpClient } from '../api/http.js';
import type { Translate } from '../i18n/catalog.js';
import type { OutputFormat } from './output.js';
import type { Shard } from './shard.js';

/** The flags of bulk mode, common to every read command that offers it. */
export interface BulkOptions {
  /** A file path, or `-` for stdin. */
  accountsFrom: string;
  format: OutputFormat;
  /** CSV columns (dotted paths into the record); default: the command's own. */
  fields?: string[];
  /** NDJSON with `--fields`: the fields of each record's data that are kept. */
  dataFields?: readonly string[];
  ordered: boolean;
  concurrency: number;
  /** Accounts per batch for commands that can read several at once; 1 reads one at a time. */
  batchSize: number;
  rps?: number;
  resume: boolean;
  /** With `resume`: look the accounts the journal holds as failed up again. */
  retryFailed: boolean;
  /** Where the journal lives; default: one per (command, options, list) in the config directory. */
  journal?: string;
  shard?: Shard;
}

/** What a lookup may use: the run's one shared client, and the user's language. */
export interface LookupContext {
  api: HttpClient;
  t: Translate;
  locale: 'en-CA' | 'fr-CA';
  /** The CLI's clock, for lookups that depend on today (the usage cycle). */
  clock: () => Date;
}

/**
 * One account's data for a read command: what its `--json` output would be for that account.
 * It throws (an EspaceError) when the account cannot be read; that becomes the account's record.
 */
export type BulkLookup<O> = (account: string, options: O, lookup: LookupContext) => Promise<unknown>;

/**
 * Several accounts' data in a few requests, by account. An account it leaves out is looked up on
 * its own with `lookup`, which gives its exact answer (not found, forbidden, nothing yet).
 */
export type BulkBatchLookup<O> = (accounts: readonly string[], options: O, lookup: LookupContext) => Promise<Map<string, unknown>>;

/** A read command's bulk mode: how to look one account up, and its default CSV columns. */
export interface BulkCommand<O> {
  lookup: BulkLookup<O>;
  /** Optional: how to look many accounts up at once (see batch.ts). */
  lookupBatch?: BulkBatchLookup<O>;
  csvFields: readonly string[];
  /** Rejects options that make no sense across accounts (throws a UsageError). */
  check?(options: O): void;
}
