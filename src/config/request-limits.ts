/**
 * The bounds of every API request, by the documented precedence: the deadline comes from
 * `--timeout`, then `ESPACE_TIMEOUT`, then the active context's `timeout`, then 30 s; the largest
 * answer accepted from `ESPACE_MAX_RESPONSE_MB`, else 64 MB.
 */
import { UsageError } from '../errors.js';

export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEFAULT_MAX_RESPONSE_MB = 64;
const MAX_TIMEOUT_SECONDS = 86_400;

/** What {@link resolveRequestLimits} decided. */
export interface RequestLimits {
  /** The deadline of one request: headers and whole body, over all its attempts. */
  timeoutMs: number;
  /** The largest answer body read, in bytes. */
  maxResponseBytes: number;
}

export interface RequestLimitInputs {
  timeoutFlag?: string;
  env: Record<string, string | undefined>;
  /** The active context's name and its `timeout` setting (seconds), if it has one. */
  context?: { name: string; timeout?: number };
}

/** Seconds as typed: a positive number (decimals allowed) up to a day; anything else is a usage error naming where it came from. */
export function parseTimeoutSeconds(value: string | number, source: string): number {
  const text = String(value).trim();
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(seconds > 0) || seconds > MAX_TIMEOUT_SECONDS) {
    throw new UsageError('net.badTimeout', { params: { source, value: String(value) } });
  }
  return seconds;
}

export function resolveRequestLimits({ timeoutFlag, env, context }: RequestLimitInputs): RequestLimits {
  let seconds = DEFAULT_TIMEOUT_SECONDS;
  if (timeoutFlag !== undefined) seconds = parseTimeoutSeconds(timeoutFlag, '--timeout');
  else if (env.ESPACE_TIMEOUT) seconds = parseTimeoutSeconds(env.ESPACE_TIMEOUT, 'ESPACE_TIMEOUT');
  else if (context?.timeout !== undefined) seconds = parseTimeoutSeconds(context.timeout, `context ${context.name}`);

  let megabytes = DEFAULT_MAX_RESPONSE_MB;
  const rawMax = env.ESPACE_MAX_RESPONSE_MB;
  if (rawMax !== undefined && rawMax.trim() !== '') {
    megabytes = Number(rawMax.trim());
    if (!/^\d+(\.\d+)?$/.test(rawMax.trim()) || !(megabytes > 0)) throw new UsageError('net.badMaxResponse', { params: { value: rawMax } });
  }
  return { timeoutMs: Math.round(seconds * 1000), maxResponseBytes: Math.round(megabytes * 1024 * 1024) };
}
