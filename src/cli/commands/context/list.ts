/** `espace context list`: every context, the active one marked, with the APIs it mounts elsewhere. */
import { allContexts } from '../../../config/contexts.js';
import { toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import type { ApiMap } from '../../../api/api-map.js';
import type { Translate } from '../../../i18n/catalog.js';
import type { CommandDeps } from '../../command-deps.js';

/** "default paths", or which APIs the context mounts elsewhere (`context show NAME` gives the paths). */
function mapSummary(map: ApiMap | undefined, t: Translate): string {
  const apis = Object.keys(map ?? {});
  return apis.length === 0 ? t('apiMap.list.allDefault') : t('apiMap.list.mapped', { count: apis.length, apis: apis.join(', ') });
}

export async function run(_options: object, ctx: CommandDeps): Promise<void> {
  const active = ctx.target().contextName;
  const contexts = allContexts(ctx.config(), ctx.env).map((context) => ({ ...context, active: context.name === active }));
  if (ctx.globals.json) {
    ctx.io.out(
      toJson(
        contexts.map(({ name, apiUrl, description, apiPaths, active: isActive }) => ({
          name,
          apiUrl,
          description: description ?? null,
          apiPaths: apiPaths ?? {},
          active: isActive,
        })),
      ),
    );
    return;
  }
  ctx.io.out(
    renderTable(
      ctx.io,
      [
        { header: '' },
        { header: ctx.t('context.column.name') },
        { header: ctx.t('context.column.url') },
        { header: ctx.t('apiMap.column.map') },
        { header: ctx.t('context.column.description') },
      ],
      contexts.map((context) => [context.active ? '*' : '', context.name, context.apiUrl, mapSummary(context.apiPaths, ctx.t), context.description ?? '']),
    ),
  );
}
