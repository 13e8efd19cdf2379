/** `espace config list`: every default, its stored value, what it allows and what overrides it. */
import { DEFAULT_KEY_NAMES, allowedValues } from '../../../config/defaults.js';
import { toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import type { CommandDeps } from '../../command-deps.js';
import { allowedText, overriddenBy } from './keys.js';

export async function run(_options: Record<string, never>, ctx: CommandDeps): Promise<void> {
  const { t, io } = ctx;
  const stored = ctx.config().defaults ?? {};
  const rows = DEFAULT_KEY_NAMES.map((key) => ({
    key,
    value: stored[key] ?? null,
    allowed: allowedValues(key) ?? null,
    overriddenBy: stored[key] !== undefined ? (overriddenBy(key, ctx.env) ?? null) : null,
  }));
  if (ctx.globals.json) {
    io.out(toJson(rows));
    return;
  }
  io.out(
    renderTable(
      io,
      [
        { header: t('config.column.key') },
        { header: t('config.column.value') },
        { header: t('config.column.allowed') },
        { header: t('config.column.overridden') },
      ],
      rows.map((row) => [row.key, row.value ?? t('config.unsetMark'), allowedText(row.key, t), row.overriddenBy ?? '']),
    ),
  );
}
