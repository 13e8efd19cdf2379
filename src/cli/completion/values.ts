/**
 * Dynamic completion values: what `espace __complete KIND` prints, one per line. Every TAB runs a
 * process, so this must be quick, and it must never print an error into the user's command line:
 * any failure (offline, not logged in, an API the server lacks) yields no values, within a
 * deadline.
 */
import type { HttpClient } from '../../api/http.js';
import { TMF } from '../../api/tmf/paths.js';
import { allContexts } from '../../config/contexts.js';
import { USER_AGENT } from '../../version.js';
import type { CommandDeps } from '../command-deps.js';
import type { ValueKind } from './value-kinds.js';

/**
 * What completing values needs of a command's CommandDeps: a command's own CommandDeps, or the small one
 * completion/main.ts builds when the launcher answers `__complete` without the rest of the CLI.
 */
export type CompletionContext = Pick<CommandDeps, 'env' | 'locale' | 'config' | 'target' | 'session'>;

/** Beyond this the user has given up waiting for the TAB; `ESPACE_COMPLETION_TIMEOUT_MS` changes it. */
const DEFAULT_DEADLINE_MS = 2500;
const MAX_VALUES = 100;

/** The deadline from the environment; anything but a positive whole number keeps the default (no error while completing). */
function deadlineMs(env: Record<string, string | undefined>): number {
  const raw = env.ESPACE_COMPLETION_TIMEOUT_MS?.trim() ?? '';
  const value = Number(raw);
  return /^\d+$/.test(raw) && Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_DEADLINE_MS;
}

// The same path as api/tmf/trouble-ticket.ts: importing it from there would load zod and the
// ticket adapters on every TAB (from 9 kB to 475 kB of code); its place is api/tmf/paths.ts.
const TROUBLE_TICKET_PATH = '/tmf-api/troubleTicket/v4/troubleTicket';

const REMOTE_PATHS: Record<Exclude<ValueKind, 'context'>, string> = {
  bill: TMF.customerBill,
  ticket: TROUBLE_TICKET_PATH,
  account: TMF.billingAccount,
};

/** Ids of a TMF list, asking only for `id` (newest first where the server sorts that way). */
async function listIds(client: HttpClient, path: string): Promise<string[]> {
  const response = await client.get(path, { fields: 'id', limit: MAX_VALUES });
  if (!Array.isArray(response.body)) return [];
  return response.body
    .map((item: unknown) => (item as { id?: unknown } | null)?.id)
    .filter((id): id is string => typeof id === 'string' && /^[\w.:-]+$/.test(id));
}

/** A client that gives up fast: no retries, short timeouts (the default client waits 30 s). */
async function quickClient(ctx: CompletionContext, timeoutMs: number): Promise<HttpClient> {
  const [{ HttpClient }, session] = await Promise.all([import('../../api/http.js'), ctx.session()]);
  return new HttpClient({
    baseUrl: ctx.target().apiUrl,
    apiMap: ctx.target().apiPaths,
    userAgent: `${USER_AGENT} completion`,
    tokens: session,
    locale: ctx.locale,
    timeoutMs,
    connectTimeoutMs: timeoutMs,
    retries: 0,
    // One request per TAB: Node's own http starts faster than undici (node-transport.ts).
    transport: 'node',
  });
}

async function valuesOf(kind: ValueKind, ctx: CompletionContext, timeoutMs: number): Promise<string[]> {
  if (kind === 'context') return allContexts(ctx.config(), ctx.env).map((context) => context.name);
  const client = await quickClient(ctx, timeoutMs);
  try {
    const ids = await listIds(client, REMOTE_PATHS[kind]);
    // `bill show` and friends also take the word `latest`.
    return kind === 'bill' ? ['latest', ...ids] : ids;
  } finally {
    await client.close();
  }
}

export async function completionValues(kind: ValueKind, ctx: CompletionContext): Promise<string[]> {
  const limit = deadlineMs(ctx.env);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), limit);
    timer.unref();
  });
  try {
    return await Promise.race([valuesOf(kind, ctx, limit).catch(() => []), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
