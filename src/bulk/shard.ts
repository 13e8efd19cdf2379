/**
 * `--shard K/N`: the accounts this job looks up when N jobs share one list. The split depends only
 * on each account id (a stable hash), so every job agrees without talking to the others, and the
 * N shards together hold every account exactly once whatever the order of the list.
 *
 * `--shard job/N` takes K from the environment of a Kubernetes Indexed Job, whose pods get
 * `JOB_COMPLETION_INDEX` = 0 … completions − 1: index 0 is shard 1/N. The count is given, not
 * read, because Kubernetes does not tell a pod how many completions its job has.
 */
import { UsageError } from '../errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** The variable a Kubernetes Indexed Job sets in each pod (0-based). */
export const COMPLETION_INDEX_VARIABLE = 'JOB_COMPLETION_INDEX';

/** Parses `K/N`, or `job/N` with K read from {@link COMPLETION_INDEX_VARIABLE} in `env`. */
export function parseShard(value: string, env: Record<string, string | undefined> = {}): Shard {
  const fromJob = /^job\/(\d+)$/i.exec(value.trim());
  if (fromJob) return shardOfJob(Number(fromJob[1]), env[COMPLETION_INDEX_VARIABLE], value);
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError('bulk.shard.invalid', { params: { value } });
  return { index, count };
}

function shardOfJob(count: number, completionIndex: string | undefined, value: string): Shard {
  if (count < 1) throw new UsageError('bulk.shard.invalid', { params: { value } });
  const index = completionIndex !== undefined && /^\d+$/.test(completionIndex.trim()) ? Number(completionIndex.trim()) : Number.NaN;
  if (!(index >= 0 && index < count)) {
    throw new UsageError('bulk.shard.badCompletionIndex', {
      params: { variable: COMPLETION_INDEX_VARIABLE, index: completionIndex ?? '', count, value },
    });
  }
  return { index: index + 1, count };
}

/** FNV-1a, 32 bits: stable across runs, machines and Node versions. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function inShard(account: string, shard: Shard): boolean {
  return stableHash(account) % shard.count === shard.index - 1;
}
