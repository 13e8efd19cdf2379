/**
 * The bulk-mode flags every bulk-capable read command carries, and the action that sends a
 * command to the bulk engine when `--accounts-from` is given. The engine is imported only then,
 * so the single-account path starts as fast as before.
 */
import { type Command, type CommandUnknownOpts, Option, type OptionValues } from '../commander.js';
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

/** Options that mean nothing without a list of accounts: `bulkable` refuses them alone. */
const BULK_ONLY = new WeakSet<object>();

function bulkOnly<T extends object>(option: T): T {
  BULK_ONLY.add(option);
  return option;
}

/** Adds the bulk flags to a read command: the one place they are declared. */
export function addBulkOptions<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(
  command: Command<Args, Opts, Globals>,
  { t }: Registrar,
) {
  return command
    .addOption(new Option('--accounts-from <file>', t('bulk.option.accountsFrom')))
    .addOption(bulkOnly(new Option('--format <format>', t('bulk.option.format')).choices(['ndjson', 'csv'] as const)))
    .addOption(bulkOnly(new Option('--fields <list>', t('bulk.option.fields'))))
    .addOption(bulkOnly(new Option('--ordered', t('bulk.option.ordered'))))
    .addOption(
      bulkOnly(
        new Option('--concurrency <n>', t('bulk.option.concurrency', { default: DEFAULT_CONCURRENCY, batches: DEFAULT_BATCH_CONCURRENCY })).argParser(
          integerBetween(1, MAX_CONCURRENCY),
        ),
      ),
    )
    .addOption(
      bulkOnly(
        new Option('--batch-size <n>', t('bulk.option.batchSize', { default: DEFAULT_BATCH_SIZE, max: MAX_BATCH_SIZE })).argParser(
          integerBetween(1, MAX_BATCH_SIZE),
        ),
      ),
    )
    .addOption(bulkOnly(new Option('--rps <n>', t('bulk.option.rps')).argParser(positiveNumber)))
    .addOption(bulkOnly(new Option('--resume', t('bulk.option.resume'))))
    .addOption(bulkOnly(new Option('--retry-failed', t('bulk.option.retryFailed'))))
    .addOption(bulkOnly(new Option('--journal <file>', t('bulk.option.journal'))))
    .addOption(bulkOnly(new Option('--shard <k/n>', t('bulk.option.shard'))));
}

/** The values of the bulk flags, typed as addBulkOptions declares them, and the command's `--account`. */
export type BulkFlags = ReturnType<ReturnType<typeof addBulkOptions<[], Record<never, never>, Record<never, never>>>['opts']> & { account?: string };

/**
 * The command's action: its own module for one account, the bulk engine with `--accounts-from`.
 * `map` turns commander's values into the command's options in both cases.
 */
export function bulkable<Args extends unknown[], Opts extends BulkFlags, O>(
  registrar: Registrar,
  name: BulkCommandName,
  load: () => Promise<CommandModule<O>>,
  map: (args: Args, options: Opts) => O,
): (...args: [...Args, Opts, CommandUnknownOpts]) => Promise<void> {
  const single = registrar.action(load, map);
  const bulk = registrar.action(
    () => import('./command.js'),
    (args: Args, options: Opts): BulkRequest<O> => ({ name, options: map(args, options), flags: options }),
  );
  return (...args) => {
    const command = args.at(-1) as CommandUnknownOpts;
    if (command.getOptionValue('accountsFrom') !== undefined) return bulk(...args);
    const stray = command.options.find((option) => BULK_ONLY.has(option) && command.getOptionValue(option.attributeName()) !== undefined);
    if (stray) throw new UsageError('bulk.needsAccountsFrom', { params: { flag: stray.long ?? stray.flags } });
    return single(...args);
  };
}
