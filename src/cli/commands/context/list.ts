/** `espace context list`: every context, the active one marked. */
import { allContexts } from '../../../config/contexts.js';
import { toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import type { Context } from '../../context.js';

export async function run(_options: object, ctx: Context): Promise<void> {
  const active = ctx.target().contextName;
  const contexts = allContexts(ctx.config(), ctx.env).map((context) => ({ ...context, active: context.name === active }));
  if (ctx.globals.json) {
    ctx.io.out(toJson(contexts.map(({ name, apiUrl, description, active: isActive }) => ({ name, apiUrl, description: description ?? null, active: isActive }))));
    return;
  }
  ctx.io.out(
    renderTable(
      ctx.io,
      [{ header: '' }, { header: ctx.t('context.column.name') }, { header: ctx.t('context.column.url') }, { header: ctx.t('context.column.description') }],
      contexts.map((context) => [context.active ? '*' : '', context.name, context.apiUrl, context.description ?? '']),
    ),
  );
}
