/** `espace context show [NAME]`: a context's URL and where each API is; by default the target in use. */
import { API_NAMES, type ApiMap, apiBaseUrl, apiBasePath } from '../../../api/api-map.js';
import { findContext } from '../../../config/contexts.js';
import { urlOverridesContext } from '../../../config/target.js';
import { UsageError } from '../../../errors.js';
import { toJson } from '../../../output/formats.js';
import { sanitizeText } from '../../../output/sanitize.js';
import { renderTable } from '../../../output/table.js';
import type { CommandDeps } from '../../command-deps.js';
import { contextLabel } from '../../context-label.js';

export interface ContextShowOptions {
  name?: string;
}

export async function run(options: ContextShowOptions, ctx: CommandDeps): Promise<void> {
  const { t, io } = ctx;
  const target = ctx.target();
  const shown = options.name ?? target.contextName;
  const context = findContext(ctx.config(), shown, ctx.env);
  if (!context) throw new UsageError('context.unknown', { params: { name: shown }, hint: 'context.hintList' });
  // Without a name, what the next command would use: a custom URL replaces the context's URL and map.
  const current = options.name === undefined;
  const overridden = current && urlOverridesContext(target);
  const apiUrl = current ? target.apiUrl : context.apiUrl;
  const map: ApiMap | undefined = current ? target.apiPaths : context.apiPaths;
  const label = current ? contextLabel(target, t) : context.name;
  const apis = API_NAMES.map((api) => ({ api, path: apiBasePath(api, map), url: apiBaseUrl(apiUrl, api, map), configured: map?.[api] !== undefined }));

  if (ctx.globals.json) {
    io.out(
      toJson({
        name: context.name,
        label,
        apiUrl,
        apiUrlSource: current ? target.apiUrlOrigin : context.builtIn ? 'default' : 'config',
        description: context.description ?? null,
        active: context.name === target.contextName,
        apis,
      }),
    );
    return;
  }
  const lines = [t('apiMap.show.context', { label }), t('apiMap.show.url', { url: apiUrl })];
  if (context.description) lines.push(t('apiMap.show.description.line', { description: sanitizeText(context.description) }));
  if (overridden && context.apiPaths) lines.push(t('apiMap.show.overridden'));
  const table = renderTable(
    io,
    [{ header: t('apiMap.column.api') }, { header: t('apiMap.column.path') }, { header: '' }],
    apis.map((entry) => [entry.api, entry.path, t(entry.configured ? 'apiMap.mark.configured' : 'apiMap.mark.default')]),
  );
  io.out(`${lines.join('\n')}\n\n${table}`);
}
