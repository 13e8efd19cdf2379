/**
 * `--shard K/N`: the accounts this job looks up when N jobs share one list. The split depends only
 * on each account id (a stable hash), so every job agrees without talking to the others, and the
 * N shards together hold every account exactly once whatever the order of the list.
 */
import { UsageError } from '../errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError('bulk.shard.invalid', { params: { value } });
  return { index, count };
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
