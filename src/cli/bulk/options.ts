/**
 * The bulk-mode flags every bulk-capable read command carries, and the action that sends a
 * command to the bulk engine when `--accounts-from` is given. The engine is imported only then,
 * so the single-account path starts as fast as before.
 */
import { type Command, Option } from 'commander';
import { UsageError } from '../../errors.js';
import { integerBetween, positiveNumber } from '../parsers.js';
import type { CommandModule, Registrar } from '../program.js';
import type { BulkCommandName } from './registry.js';
import type { BulkRequest } from './command.js';

/** Enough to keep a server busy from one pool without queueing most requests locally. */
export const DEFAULT_CONCURRENCY = 16;
/**
 * For commands that read accounts in batches: a batch keeps the server busy fifty times longer
 * than one account, so four in flight saturate it, and fewer accounts in flight keep memory low
 * and leave fewer to look up again after a kill.
 */
export const DEFAULT_BATCH_CONCURRENCY = 4;
const MAX_CONCURRENCY = 256;
/**
 * Accounts per request for commands that batch (`bill show`): at 50 a request's fixed cost is a
 * small share of its work, and the URL stays well under servers' limits.
 */
export const DEFAULT_BATCH_SIZE = 50;
const MAX_BATCH_SIZE = 200;

/** Adds the bulk flags to a read command. */
export function addBulkOptions(command: Command, { t }: Registrar): Command {
  return command
    .option('--accounts-from <file>', t('bulk.option.accountsFrom'))
    .addOption(new Option('--format <format>', t('bulk.option.format')).choices(['ndjson', 'csv']))
    .option('--fields <list>', t('bulk.option.fields'))
    .option('--ordered', t('bulk.option.ordered'))
    .option(
      '--concurrency <n>',
      t('bulk.option.concurrency', { default: DEFAULT_CONCURRENCY, batches: DEFAULT_BATCH_CONCURRENCY }),
      integerBetween(1, MAX_CONCURRENCY),
    )
    .option('--batch-size <n>', t('bulk.option.batchSize', { default: DEFAULT_BATCH_SIZE, max: MAX_BATCH_SIZE }), integerBetween(1, MAX_BATCH_SIZE))
    .option('--rps <n>', t('bulk.option.rps'), positiveNumber)
    .option('--resume', t('bulk.option.resume'))
    .option('--retry-failed', t('bulk.option.retryFailed'))
    .option('--journal <file>', t('bulk.option.journal'))
    .option('--shard <k/n>', t('bulk.option.shard'));
}

/**
 * The command's action: its own module for one account, the bulk engine with `--accounts-from`.
 * `map` turns commander's values into the command's options in both cases.
 */
export function bulkable<O>(
  registrar: Registrar,
  name: BulkCommandName,
  load: () => Promise<CommandModule<O>>,
  map: (args: string[], options: Record<string, unknown>) => O,
): (...args: unknown[]) => Promise<void> {
  const single = registrar.action(load, map);
  const bulk = registrar.action(
    () => import('./command.js'),
    (args, options): BulkRequest<O> => ({ name, options: map(args, options), flags: options }),
  );
  return (...args) => {
    const options = (args.at(-1) as Command).opts();
    if (options.accountsFrom !== undefined) return bulk(...args);
    const stray = BULK_ONLY_FLAGS.find(([key]) => options[key] !== undefined);
    if (stray) throw new UsageError('bulk.needsAccountsFrom', { params: { flag: stray[1] } });
    return single(...args);
  };
}

/** Flags that mean nothing without a list of accounts. */
const BULK_ONLY_FLAGS: readonly [string, string][] = [
  ['format', '--format'],
  ['fields', '--fields'],
  ['ordered', '--ordered'],
  ['concurrency', '--concurrency'],
  ['batchSize', '--batch-size'],
  ['rps', '--rps'],
  ['resume', '--resume'],
  ['retryFailed', '--retry-failed'],
  ['journal', '--journal'],
  ['shard', '--shard'],
];
