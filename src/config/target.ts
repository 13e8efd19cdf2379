/**
 * Which API espace talks to, by the documented precedence: flag, then environment, then the
 * active context in the config file, then the built-in sandbox context.
 */
import { UsageError } from '../errors.js';
import { type ConfigData, SANDBOX_CONTEXT, findContext } from './contexts.js';

export type Origin = 'flag' | 'env' | 'config' | 'default';

export interface Target {
  /** The context whose stored credentials are used. */
  contextName: string;
  contextOrigin: Origin;
  apiUrl: string;
  apiUrlOrigin: Origin;
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
  if (apiUrlFlag) return { contextName, contextOrigin, apiUrl: apiUrlFlag, apiUrlOrigin: 'flag' };
  if (env.ESPACE_API_URL) return { contextName, contextOrigin, apiUrl: env.ESPACE_API_URL, apiUrlOrigin: 'env' };
  return { contextName, contextOrigin, apiUrl: context.apiUrl, apiUrlOrigin: context.builtIn ? 'default' : 'config' };
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
