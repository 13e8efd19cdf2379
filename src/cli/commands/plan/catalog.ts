/** `espace plan catalog [--service S]`: the offers, with prices, speeds or allowances and contract terms. */
import { listOfferings } from '../../../api/tmf/product-catalog.js';
import type { OfferingKind } from '../../../domain/plan.js';
import { amountText, toJson } from '../../../output/formats.js';
import { renderTable } from '../../../output/table.js';
import type { CommandDeps } from '../../command-deps.js';
import { offeringDetails, offeringJson, serviceLabel, termText } from './view.js';

export interface PlanCatalogOptions {
  service?: OfferingKind;
}

export async function run(options: PlanCatalogOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const offerings = await listOfferings(api, options.service);
  const { io, t, locale } = ctx;
  if (ctx.globals.json) {
    io.out(toJson(offerings.map((o) => offeringJson(o, locale))));
    return;
  }
  const plain = !io.stdoutIsTTY;
  io.out(
    renderTable(
      io,
      [
        { header: t('plan.column.offer'), keep: true },
        { header: t('plan.column.service') },
        { header: t('plan.column.name') },
        { header: t('plan.column.monthly'), align: 'right' },
        { header: t('plan.column.term') },
        { header: t('plan.column.details') },
      ],
      offerings.map((o) => [
        o.id,
        plain ? o.kind : serviceLabel(o.kind, t),
        o.name,
        amountText(o.monthly, plain, locale),
        plain ? String(o.termMonths) : termText(o.termMonths, t),
        offeringDetails(o, t, locale),
      ]),
    ),
  );
}
