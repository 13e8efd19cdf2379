/**
 * `espace plan next-bill`: a preview of the account's next bill, with this cycle's plan changes
 * prorated, shown as `bill show` shows a bill. The server produces it (TMF678
 * customerBillOnDemand) as a bill not issued yet (state `new`, runType `offCycle`): espace never
 * takes such a bill for the latest one, lists it, or pays it, so a preview creates nothing
 * payable. A server that issues the bill at once instead is named in a warning.
 */
import { requestBillOnDemand } from '../../../api/tmf/bill-on-demand.js';
import { getBill } from '../../../api/tmf/customer-bill.js';
import { GeneralError } from '../../../errors.js';
import { resolveAccountId } from '../../account.js';
import type { CommandDeps } from '../../command-deps.js';
import { run as showBill } from '../bill/show.js';

export interface PlanNextBillOptions {
  account?: string;
}

export async function run(options: PlanNextBillOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const made = await requestBillOnDemand(api, accountId);
  if (!made.billId) throw new GeneralError('plan.nextBill.notReady', { params: { id: made.id, state: made.state } });
  await showBill({ bill: made.billId }, ctx);
  const bill = await getBill(api, made.billId);
  if (bill.unissued) ctx.io.err(`${ctx.t('plan.nextBill.previewNote', { bill: bill.id })}\n`);
  else ctx.io.err(`${ctx.io.errColor.warning(ctx.t('plan.nextBill.notPreview', { bill: bill.id, state: bill.state }))}\n`);
}
