/** `espace outage`: outages and planned maintenance at the service address (or a postal code, or everywhere). */
import { toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import type { CommandDeps } from '../../command-deps.js';
import { type OutageQuery, findOutages } from './lookup.js';
import { isOutageOver } from '../../../domain/outage.js';
import { categoryLabel, formatDateTime, outageJson, servicesLabel, statusLabel } from './view.js';

export type OutageListOptions = OutageQuery;

export async function run(options: OutageListOptions, ctx: CommandDeps): Promise<void> {
  const { io, t, locale } = ctx;
  const report = await findOutages(await ctx.api(), options);
  if (ctx.globals.json) {
    io.out(toJson({ postalCode: report.postalCode, outages: report.outages.map(outageJson) }));
    return;
  }
  const where = report.postalCode ?? t('outage.everywhere');
  if (report.outages.length === 0) {
    io.err(`${t('outage.none', { where })}\n`);
    return;
  }
  if (io.stdoutIsTTY) io.err(`${t('outage.heading', { where })}\n`);
  const plain = !io.stdoutIsTTY;
  const rows = report.outages.map((outage) => {
    const restoration = isOutageOver(outage) ? outage.resolvedAt : outage.estimatedRestoration;
    return plain
      ? [
          outage.id,
          outage.category,
          outage.status,
          outage.services.join(','),
          outage.areas.join(','),
          outage.windowStart ?? outage.raisedAt ?? '',
          restoration ?? '',
          outage.name,
        ]
      : [
          outage.id,
          categoryLabel(outage.category, t),
          statusLabel(outage.status, t),
          servicesLabel(outage.services, t),
          outage.areas.join(', '),
          formatDateTime(outage.windowStart ?? outage.raisedAt, locale),
          formatDateTime(restoration, locale),
          outage.name,
        ];
  });
  io.out(
    renderTable(
      io,
      [
        { header: t('outage.column.id'), keep: true },
        { header: t('outage.column.type') },
        { header: t('outage.column.status') },
        { header: t('outage.column.services') },
        { header: t('outage.column.areas') },
        { header: t('outage.column.start') },
        { header: t('outage.column.restoration') },
        { header: t('outage.column.name') },
      ],
      rows,
    ),
  );
}
