/** `espace context add NAME --url URL [--api-path API=PATH…]`: a named API endpoint (staging, production…). */
import { type ApiMap, parseApiPathAssignment } from '../../../api/api-map.js';
import { parseApiUrl } from '../../../api/url.js';
import { assertContextName, findContext, updateConfig } from '../../../config/contexts.js';
import { parseTimeoutSeconds } from '../../../config/request-limits.js';
import { UsageError } from '../../../errors.js';
import type { CommandDeps } from '../../command-deps.js';

export interface ContextAddOptions {
  name: string;
  url: string;
  description?: string;
  use: boolean;
  /** `API=PATH` entries: where this server mounts APIs elsewhere than the specifications say. */
  apiPaths?: readonly string[];
}

export async function run(options: ContextAddOptions, ctx: CommandDeps): Promise<void> {
  assertContextName(options.name);
  const url = parseApiUrl(options.url).toString().replace(/\/+$/, '');
  // `--timeout` is the global option: given to `context add`, it becomes the context's deadline.
  const timeout = ctx.globals.timeout === undefined ? undefined : parseTimeoutSeconds(ctx.globals.timeout, '--timeout');
  // Checked before anything is written: a bad entry leaves no half-made context.
  const apiPaths: ApiMap = {};
  for (const entry of options.apiPaths ?? []) {
    const [api, path] = parseApiPathAssignment(entry);
    apiPaths[api] = path;
  }
  const existing = findContext(ctx.config(), options.name, ctx.env);
  if (existing && !existing.builtIn) {
    throw new UsageError('context.exists', { params: { name: options.name } });
  }
  await updateConfig(ctx.configDir, (config) => ({
    currentContext: options.use ? options.name : config.currentContext,
    contexts: {
      ...config.contexts,
      [options.name]: {
        apiUrl: url,
        ...(options.description ? { description: options.description } : {}),
        ...(timeout !== undefined ? { timeout } : {}),
        ...(Object.keys(apiPaths).length > 0 ? { apiPaths } : {}),
      },
    },
  }));
  ctx.io.err(`${ctx.t(options.use ? 'context.addedAndUsed' : 'context.added', { name: options.name, url })}\n`);
}
