/**
 * `espace [--context NAME] [--api-url URL] __complete KIND` without the rest of the CLI: every TAB
 * that completes an id runs it, and the command parser, the command tree and the message catalog
 * cost a TAB more than its one request. The launcher (bin/espace.js) hands such a command line
 * here first; anything else (another shape, another option) is left to the CLI's main, which
 * answers `__complete` the same way through its hidden command.
 *
 * What the answer depends on is what the full CLI would use: the target (flags, environment,
 * config file), the stored login or the environment's token, the user's language for
 * `Accept-Language`. Nothing is ever written on stderr: a TAB must not print into the command line.
 */
import type { HttpClient } from '../../api/http.js';
import type { Session } from '../../auth/session.js';
import { readConfig } from '../../config/contexts.js';
import { storedDefaults } from '../../config/defaults.js';
import { configDir } from '../../config/paths.js';
import { resolveTarget } from '../../config/target.js';
import { localeOf, resolveLang } from '../../i18n/lang.js';
import { USER_AGENT } from '../../version.js';
import { writeToFd } from '../../output/fd-write.js';
import { VALUE_KINDS, type ValueKind } from './value-kinds.js';
import { type CompletionContext, completionValues } from './values.js';

/** What a `__complete` command line asks: the kind of value, and the target's global options. */
export interface CompletionRequest {
  kind: ValueKind;
  context?: string;
  apiUrl?: string;
}

const GLOBALS = { '--context': 'context', '--api-url': 'apiUrl' } as const;

/**
 * The request of a command line the completion scripts write (`--context`/`--api-url`, each with
 * its value, then `__complete KIND`), or undefined for any other command line.
 */
export function completionRequest(argv: readonly string[]): CompletionRequest | undefined {
  const globals: { context?: string; apiUrl?: string } = {};
  let index = 0;
  for (; index < argv.length && argv[index] !== '__complete'; index++) {
    const arg = argv[index]!;
    const equals = arg.indexOf('=');
    const name = equals < 0 ? arg : arg.slice(0, equals);
    if (name !== '--context' && name !== '--api-url') return undefined;
    const value = equals < 0 ? argv[++index] : arg.slice(equals + 1);
    // A missing or empty value is a usage error: the CLI's main says so (and the script hides it).
    if (value === undefined || value === '') return undefined;
    globals[GLOBALS[name]] = value;
  }
  const kind = VALUE_KINDS.find((known) => known === argv[index + 1]);
  if (kind === undefined || index + 2 !== argv.length) return undefined;
  return { kind, ...globals };
}

/** The few lazy parts of a command's CommandDeps that completing values uses. */
function completionContext(request: CompletionRequest, env: Record<string, string | undefined>): CompletionContext & { close(): Promise<void> } {
  const dir = configDir(env);
  const clock = () => new Date();
  const config = once(() => readConfig(dir));
  const target = once(() => resolveTarget({ contextFlag: request.context, apiUrlFlag: request.apiUrl, env, config: config() }));
  const locale = localeOf(resolveLang(undefined, env, storedDefaults(env).lang));
  // The token endpoint's client, for a stored login that needs refreshing (as a command's CommandDeps).
  let opened: HttpClient | undefined;
  const oauthClient = once(async (): Promise<HttpClient> => {
    const { HttpClient } = await import('../../api/http.js');
    return (opened = new HttpClient({ baseUrl: target().apiUrl, apiMap: target().apiPaths, userAgent: USER_AGENT, locale, transport: 'node' }));
  });
  const session = once(async (): Promise<Session> => {
    const { Session } = await import('../../auth/session.js');
    // The keychain's code loads only for a stored login (not with ESPACE_TOKEN).
    const vault = once(async () => new (await import('../../auth/vault.js')).CredentialVault({ configDir: dir }));
    return new Session({ target: target(), env, vault, oauthClient, clock, lockDir: dir });
  });
  return { env, locale, config, target, session, close: async () => opened?.close() };
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** Writes the values to file descriptor 1, whole; a shell that cannot take them gets nothing, as a TAB never prints an error. */
function writeValues(text: string): void {
  try {
    writeToFd(1, text, () => process.stdout);
  } catch {
    // stdout closed or unusable: nothing to offer, quietly.
  }
}

/**
 * Answers a `__complete` command line: its values on stdout, one per line, and exit code 0.
 * Undefined, having done nothing, when `argv` is not one (the CLI's main takes it then).
 */
export async function complete(options: { argv: readonly string[]; env: Record<string, string | undefined> }): Promise<number | undefined> {
  const request = completionRequest(options.argv);
  if (request === undefined) return undefined;
  let values: string[] = [];
  const ctx = completionContext(request, options.env);
  try {
    values = await completionValues(request.kind, ctx);
  } catch {
    // Nothing to offer: completionValues gives up quietly, and so does this.
  } finally {
    await ctx.close().catch(() => undefined);
  }
  if (values.length > 0) writeValues(`${values.join('\n')}\n`);
  return 0;
}
