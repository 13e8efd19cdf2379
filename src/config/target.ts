/**
 * Which API espace talks to, by the documented precedence: flag, then environment, then the
 * active context in the config file, then the built-in sandbox context.
 */
import type { ApiMap } from '../api/api-map.js';
import { UsageError } from '../errors.js';
import { type ConfigData, SANDBOX_CONTEXT, findContext } from './contexts.js';

export type Origin = 'flag' | 'env' | 'config' | 'default';

export interface Target {
  /** The context whose stored credentials are used. */
  contextName: string;
  contextOrigin: Origin;
  apiUrl: string;
  apiUrlOrigin: Origin;
  /** The context's API map; only for the context's own URL (another server has its own layout). */
  apiPaths?: ApiMap;
}

export interface TargetInputs {
  contextFlag?: string;
  apiUrlFlag?: string;
  env: Record<string, string | undefined>;
  config: ConfigData;
}

export function resolveTarget({ contextFlag, apiUrlFlag, env, config }: TargetInputs): Target {
  const [contextName, contextOrigin]: [string, Origin] = contextFlag
    ? [contextFlag, 'flag']
    : env.ESPACE_CONTEXT
      ? [env.ESPACE_CONTEXT, 'env']
      : config.currentContext
        ? [config.currentContext, 'config']
        : [SANDBOX_CONTEXT, 'default'];

  const context = findContext(config, contextName, env);
  if (!context) {
    throw new UsageError('context.unknown', { params: { name: contextName }, hint: 'context.hintList' });
  }
  const own = {
    contextName,
    contextOrigin,
    apiUrl: context.apiUrl,
    apiUrlOrigin: context.builtIn ? 'default' : 'config',
    ...(context.apiPaths ? { apiPaths: context.apiPaths } : {}),
  } as const;
  // The context's own URL spelt again is still the context (and its API map).
  const override = (apiUrl: string, apiUrlOrigin: Origin): Target =>
    sameApi(apiUrl, context.apiUrl) ? own : { contextName, contextOrigin, apiUrl, apiUrlOrigin };
  if (apiUrlFlag) return override(apiUrlFlag, 'flag');
  if (env.ESPACE_API_URL) return override(env.ESPACE_API_URL, 'env');
  return own;
}

/** True when `--api-url` or ESPACE_API_URL replaced the context's URL: the context then only lends its credentials. */
export function urlOverridesContext(target: Target): boolean {
  return target.apiUrlOrigin === 'flag' || target.apiUrlOrigin === 'env';
}

/** Two spellings of one API (a trailing slash, a default port) are the same API. */
export function sameApi(a: string, b: string): boolean {
  const normalize = (value: string) => {
    try {
      const url = new URL(value);
      return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
    } catch {
      return value;
    }
  };
  return normalize(a) === normalize(b);
}
