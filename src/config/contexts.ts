/**
 * Contexts: named API endpoints (`sandbox`, `staging`, …), like kubectl's. The config file is
 * managed by `conf` (atomic writes) but read directly, because loading conf and its JSON-schema
 * validator costs more start-up time than most commands take in all.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ApiMap, isApiName, parseApiPath } from '../api/api-map.js';
import { UsageError } from '../errors.js';
import { type Defaults, validDefaults } from './defaults.js';

export const SANDBOX_CONTEXT = 'sandbox';
export const DEFAULT_SANDBOX_PORT = 8642;
const CONFIG_NAME = 'config';
const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/i;

export interface ContextConfig {
  apiUrl: string;
  description?: string;
  /** Deadline of each request in seconds (request-limits.ts); `--timeout` and ESPACE_TIMEOUT win. */
  timeout?: number;
  /** Base paths of the APIs this server mounts elsewhere than the specifications say. */
  apiPaths?: ApiMap;
}

export interface ConfigData {
  currentContext?: string;
  contexts: Record<string, ContextConfig>;
  /** User defaults (`espace config set`): see defaults.ts. */
  defaults?: Defaults;
}

export interface NamedContext extends ContextConfig {
  name: string;
  /** The built-in context of the embedded sandbox. */
  builtIn: boolean;
}

type Env = Record<string, string | undefined>;

/**
 * The embedded sandbox's port on 127.0.0.1: ESPACE_SANDBOX_PORT when 8642 is taken on this machine
 * (by another program, or by a sandbox of another data directory), else 8642. The built-in
 * context, `espace sandbox start` and `espace demo` all follow it.
 */
export function sandboxPort(env: Env): number {
  const value = env.ESPACE_SANDBOX_PORT;
  if (value === undefined || value === '') return DEFAULT_SANDBOX_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new UsageError('config.sandboxPort', { params: { value } });
  return port;
}

function builtIn(env: Env): Record<string, ContextConfig> {
  return { [SANDBOX_CONTEXT]: { apiUrl: `http://127.0.0.1:${sandboxPort(env)}`, description: 'embedded sandbox' } };
}

export function configFile(dir: string): string {
  return join(dir, `${CONFIG_NAME}.json`);
}

/** Reads the config file; a missing file is an empty config, a broken one a clear error. */
export function readConfig(dir: string): ConfigData {
  const path = configFile(dir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { contexts: {} };
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError('config.corrupt', { params: { path } });
  }
  if (typeof data !== 'object' || data === null) throw new UsageError('config.corrupt', { params: { path } });
  const record = data as Record<string, unknown>;
  const contexts: Record<string, ContextConfig> = {};
  if (typeof record.contexts === 'object' && record.contexts !== null) {
    for (const [name, value] of Object.entries(record.contexts as Record<string, unknown>)) {
      const apiUrl = (value as { apiUrl?: unknown } | null)?.apiUrl;
      if (typeof apiUrl !== 'string') throw new UsageError('config.corrupt', { params: { path } });
      const description = (value as { description?: unknown }).description;
      const timeout = (value as { timeout?: unknown }).timeout;
      if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0))) throw new UsageError('config.corrupt', { params: { path } });
      const apiPaths = readApiPaths((value as { apiPaths?: unknown }).apiPaths, path);
      contexts[name] = {
        apiUrl,
        ...(typeof description === 'string' ? { description } : {}),
        ...(timeout !== undefined ? { timeout } : {}),
        ...(apiPaths ? { apiPaths } : {}),
      };
    }
  }
  return {
    currentContext: typeof record.currentContext === 'string' ? record.currentContext : undefined,
    contexts,
    defaults: validDefaults(record.defaults),
  };
}

/** A stored API map, held to the rules `context set-api` applies: a bad entry is a broken file, not a silent default. */
function readApiPaths(value: unknown, path: string): ApiMap | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('config.corrupt', { params: { path } });
  const map: ApiMap = {};
  for (const [api, mounted] of Object.entries(value as Record<string, unknown>)) {
    if (!isApiName(api) || typeof mounted !== 'string') throw new UsageError('config.corrupt', { params: { path } });
    try {
      map[api] = parseApiPath(api, mounted);
    } catch {
      throw new UsageError('config.corrupt', { params: { path } });
    }
  }
  return Object.keys(map).length > 0 ? map : undefined;
}

export function allContexts(config: ConfigData, env: Env): NamedContext[] {
  const builtInContexts = builtIn(env);
  const merged = { ...builtInContexts, ...config.contexts };
  return Object.entries(merged)
    .map(([name, value]) => ({ name, ...value, builtIn: name in builtInContexts && !(name in config.contexts) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function findContext(config: ConfigData, name: string, env: Env): NamedContext | undefined {
  return allContexts(config, env).find((context) => context.name === name);
}

export function assertContextName(name: string): void {
  if (!NAME_PATTERN.test(name)) throw new UsageError('context.badName', { params: { name } });
}

/** Writes through conf, which replaces the file atomically; mode 0600 since it names endpoints. */
export async function updateConfig(dir: string, change: (config: ConfigData) => ConfigData): Promise<ConfigData> {
  // conf would create the directory with the default mode; credentials may live beside it.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { default: Conf } = await import('conf');
  const store = new Conf<Record<string, unknown>>({
    cwd: dir,
    configName: CONFIG_NAME,
    projectName: 'espace',
    configFileMode: 0o600,
  });
  const next = change(readConfig(dir));
  const defaults = next.defaults && Object.keys(next.defaults).length > 0 ? { defaults: next.defaults } : {};
  store.store = { ...(next.currentContext ? { currentContext: next.currentContext } : {}), contexts: next.contexts, ...defaults };
  return next;
}
