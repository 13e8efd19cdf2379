/**
 * Bulk mode of a read command (loaded only with `--accounts-from`): checks the flags, finds the
 * command's lookup in the registry and hands both to the engine.
 */
import { UsageError } from '../../errors.js';
import { checkFields } from '../../output/field-selection.js';
import { jsonFieldsOf } from '../../output/json-fields.js';
import { runBulk } from '../../bulk/run.js';
import { parseShard } from '../../bulk/shard.js';
import type { BulkCommand, BulkOptions } from '../../bulk/types.js';
import type { CommandDeps } from '../command-deps.js';
import { type BulkFlags, DEFAULT_BATCH_CONCURRENCY, DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY } from './options.js';
import { BULK_COMMANDS, type BulkCommandName } from './registry.js';

export interface BulkRequest<O> {
  name: BulkCommandName;
  /** The command's own options, as for one account. */
  options: O;
  /** Commander's values, bulk flags among them. */
  flags: BulkFlags;
}

export async function run<O>(request: BulkRequest<O>, ctx: CommandDeps): Promise<void> {
  const { flags } = request;
  if (flags.account !== undefined) throw new UsageError('bulk.accountAndList');
  const command = (await BULK_COMMANDS[request.name]()) as BulkCommand<O>;
  const batchSize = flags.batchSize ?? DEFAULT_BATCH_SIZE;
  const batches = command.lookupBatch !== undefined && batchSize > 1;
  const bulk: BulkOptions = {
    // Bulk mode is chosen by --accounts-from (bulkable), so it is there.
    accountsFrom: flags.accountsFrom!,
    format: flags.format ?? 'ndjson',
    fields:
      typeof flags.fields === 'string'
        ? flags.fields
            .split(',')
            .map((field) => field.trim())
            .filter(Boolean)
        : undefined,
    ordered: flags.ordered === true,
    concurrency: flags.concurrency ?? (batches ? DEFAULT_BATCH_CONCURRENCY : DEFAULT_CONCURRENCY),
    batchSize,
    rps: flags.rps,
    // Retrying the failures of a run is resuming it: the journal says which accounts failed.
    resume: flags.resume === true || flags.retryFailed === true,
    retryFailed: flags.retryFailed === true,
    journal: flags.journal,
    shard: typeof flags.shard === 'string' ? parseShard(flags.shard, ctx.env) : undefined,
  };
  // NDJSON: --fields keeps those fields of each record's data (CSV: they are the columns).
  if (bulk.fields !== undefined && bulk.format !== 'csv') {
    const declared = jsonFieldsOf(request.name);
    if (!declared) throw new UsageError('bulk.fieldsNeedCsv');
    checkFields(bulk.fields, declared, request.name);
    bulk.dataFields = bulk.fields;
    bulk.fields = undefined;
  }
  command.check?.(request.options);
  await runBulk({ name: request.name, command, options: request.options, bulk }, ctx);
}
