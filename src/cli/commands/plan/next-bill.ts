/**
 * `espace plan next-bill`: has the server produce the account's next bill now (TMF678
 * customerBillOnDemand), with this cycle's plan changes prorated, and shows it as `bill show` does.
 */
import { requestBillOnDemand } from '../../../api/tmf/bill-on-demand.js';
import { GeneralError } from '../../../errors.js';
import { resolveAccountId } from '../../account.js';
import type { Context } from '../../context.js';
import { run as showBill } from '../bill/show.js';

export interface PlanNextBillOptions {
  account?: string;
}

export async function run(options: PlanNextBillOptions, ctx: Context): Promise<void> {
  const api = await ctx.api();
  const accountId = await resolveAccountId(api, options.account);
  const made = await requestBillOnDemand(api, accountId);
  if (!made.billId) throw new GeneralError('plan.nextBill.notReady', { params: { id: made.id, state: made.state } });
  await showBill({ bill: made.billId }, ctx);
}
