/**
 * CommandDeps: what a command runs with, a small bundle of lazy dependencies handed to every
 * command's `run(options, ctx)`. Nothing is built until a command asks for it, so `espace --version` pays for none of it, and tests build
 * one over buffers, a scripted prompter and a test sandbox.
 */
import type { HttpClient, NoticeSink } from '../api/http.js';
import type { CredentialVault } from '../auth/vault.js';
import type { Session, VaultLike } from '../auth/session.js';
import { type ConfigData, findContext, readConfig } from '../config/contexts.js';
import { type RequestLimits, resolveRequestLimits } from '../config/request-limits.js';
import { configDir } from '../config/paths.js';
import { type Target, resolveTarget } from '../config/target.js';
import { type Lang, type Translate, translator } from '../i18n/catalog.js';
import { localeOf } from '../i18n/lang.js';
import type { IO } from '../output/io.js';
import { sanitizeText } from '../output/sanitize.js';
import type { Prompter } from './prompt.js';

export { VERSION } from '../version.js';
import { USER_AGENT } from '../version.js';

/** Options every command accepts (see program.ts). */
export interface GlobalOptions {
  context?: string;
  apiUrl?: string;
  /** `--timeout`: the deadline of each request, in seconds as typed. */
  timeout?: string;
  json: boolean;
  verbose: boolean;
  /** `--dry-run` (commands that change something): the API client sends no request that writes. */
  dryRun?: boolean;
}

/** What every command's `run(options, ctx)` gets as `ctx`: its I/O, language, configuration and clients, built on first use. */
export interface CommandDeps {
  readonly io: IO;
  readonly lang: Lang;
  readonly locale: 'en-CA' | 'fr-CA';
  readonly t: Translate;
  readonly env: Record<string, string | undefined>;
  readonly globals: GlobalOptions;
  readonly prompt: Prompter;
  readonly clock: () => Date;
  readonly configDir: string;
  config(): ConfigData;
  target(): Target;
  /** The deadline and answer size every API client of this command applies. */
  requestLimits(): RequestLimits;
  vault(): Promise<VaultLike>;
  session(): Promise<Session>;
  /** The authenticated API client of the target. */
  api(): Promise<HttpClient>;
  /** An unauthenticated client of the target (token endpoint, health). */
  anonymousApi(): Promise<HttpClient>;
  /**
   * Where the API layer's warnings about the server go: stderr, each one once per command (a bulk
   * run passes it to its own client, so once per run).
   */
  readonly notices: NoticeSink;
  /** Closes connections; main calls it after the command. */
  close(): Promise<void>;
}

export interface CommandDepsOptions {
  io: IO;
  lang: Lang;
  env: Record<string, string | undefined>;
  globals: GlobalOptions;
  prompt: Prompter;
  clock?: () => Date;
  /** Tests inject an in-memory vault; the real one talks to the OS keychain. */
  vault?: () => Promise<VaultLike>;
}

function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

export function createCommandDeps(options: CommandDepsOptions): CommandDeps {
  const { io, lang, env, globals, prompt } = options;
  const clock = options.clock ?? (() => new Date());
  const dir = configDir(env);
  const clients: HttpClient[] = [];
  const noticed = new Set<string>();
  const notices: NoticeSink = ({ key, params }) => {
    const said = `${key} ${JSON.stringify(params)}`;
    if (noticed.has(said)) return;
    noticed.add(said);
    io.err(`${io.errColor.warning(sanitizeText(translator(lang)(key, params)))}\n`);
  };
  const config = once(() => readConfig(dir));
  const target = once(() => resolveTarget({ contextFlag: globals.context, apiUrlFlag: globals.apiUrl, env, config: config() }));
  const requestLimits = once(() => {
    const named = findContext(config(), target().contextName, env);
    return resolveRequestLimits({ timeoutFlag: globals.timeout, env, context: named && { name: named.name, timeout: named.timeout } });
  });
  // The HTTP stack (undici, node:crypto) loads only when a command talks to the API.
  const client = async (withSession?: Session) => {
    const { HttpClient } = await import('../api/http.js');
    const made = new HttpClient({
      baseUrl: target().apiUrl,
      apiMap: target().apiPaths,
      userAgent: USER_AGENT,
      tokens: withSession,
      ...requestLimits(),
      locale: localeOf(lang),
      now: () => clock().getTime(),
      notices,
      // Only the authenticated client: a dry run may still need a token (a refresh is a POST).
      dryRun: globals.dryRun === true && withSession !== undefined,
      // A command's few requests: Node's own http starts faster than undici (node-transport.ts).
      transport: 'node',
    });
    clients.push(made);
    return made;
  };
  const anonymousApi = once(() => client());
  const vault =
    options.vault ??
    once(async (): Promise<CredentialVault> => {
      const { CredentialVault } = await import('../auth/vault.js');
      return new CredentialVault({ configDir: dir });
    });
  // Loaded on demand: the session pulls in zod and the OAuth adapter.
  const session = once(async () => {
    const { Session } = await import('../auth/session.js');
    return new Session({ target: target(), env, vault, oauthClient: anonymousApi, clock, lockDir: dir });
  });
  const api = once(async () => client(await session()));

  return {
    io,
    lang,
    locale: localeOf(lang),
    t: translator(lang),
    env,
    globals,
    prompt,
    clock,
    configDir: dir,
    config,
    target,
    requestLimits,
    vault,
    session,
    api,
    anonymousApi,
    notices,
    close: async () => {
      await Promise.all(clients.map((made) => made.close()));
    },
  };
}
