/** `espace context set-api NAME API PATH` (or `--reset`): where the context's server mounts one API. */
import { DEFAULT_API_PATHS, parseApiName, parseApiPath } from '../../../api/api-map.js';
import { SANDBOX_CONTEXT, updateConfig } from '../../../config/contexts.js';
import { UsageError } from '../../../errors.js';
import type { CommandDeps } from '../../command-deps.js';

export interface ContextSetApiOptions {
  name: string;
  api: string;
  path?: string;
  reset: boolean;
}

export async function run(options: ContextSetApiOptions, ctx: CommandDeps): Promise<void> {
  const api = parseApiName(options.api);
  if (options.reset === (options.path !== undefined)) {
    throw new UsageError('apiMap.setApi.pathOrReset', { params: { api, default: DEFAULT_API_PATHS[api] } });
  }
  const path = options.path === undefined ? undefined : parseApiPath(api, options.path);
  const config = ctx.config();
  if (!(options.name in config.contexts)) {
    if (options.name === SANDBOX_CONTEXT) {
      throw new UsageError('apiMap.setApi.builtIn', { params: { name: options.name }, hint: 'apiMap.setApi.builtInHint' });
    }
    throw new UsageError('context.unknown', { params: { name: options.name }, hint: 'context.hintList' });
  }
  const next = await updateConfig(ctx.configDir, (current) => {
    const context = current.contexts[options.name]!;
    const { [api]: _previous, ...others } = context.apiPaths ?? {};
    const apiPaths = path === undefined ? others : { ...others, [api]: path };
    const { apiPaths: _old, ...rest } = context;
    return {
      ...current,
      contexts: { ...current.contexts, [options.name]: { ...rest, ...(Object.keys(apiPaths).length > 0 ? { apiPaths } : {}) } },
    };
  });
  const base = next.contexts[options.name]!.apiUrl.replace(/\/+$/, '');
  ctx.io.err(`${ctx.t('apiMap.setApi.done', { name: options.name, api, url: `${base}${path ?? DEFAULT_API_PATHS[api]}` })}\n`);
}
