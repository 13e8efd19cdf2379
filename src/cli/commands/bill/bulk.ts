/** Bulk mode of `bill show` and `bill list`: each account's record holds what `--json` prints. */
import { getBill, getBillLines, latestBillId, listBills } from '../../../api/tmf/customer-bill.js';
import type { BulkCommand } from '../../../bulk/types.js';
import { ofExistingAccount } from '../../bulk/existing-account.js';
import { GeneralError, UsageError } from '../../../errors.js';
import type { BillListOptions } from './list.js';
import type { BillShowOptions } from './show.js';
import { billJson, billSummaryJson } from './view.js';

export const billShowBulk: BulkCommand<BillShowOptions> = {
  check(options) {
    // A bill id belongs to one account: across accounts only "the latest" means something.
    if (options.bill !== 'latest') throw new UsageError('bulk.billShowLatestOnly', { params: { bill: options.bill } });
  },
  async lookup(account, _options, { api, locale }) {
    const billId = await latestBillId(api, account);
    if (!billId) throw new GeneralError('bill.noneYet', { params: { account } });
    const [bill, lines] = await Promise.all([getBill(api, billId), getBillLines(api, billId, 'CAD')]);
    return billJson(bill, lines, locale);
  },
  csvFields: ['account', 'ok', 'data.id', 'data.billDate', 'data.dueDate', 'data.state', 'data.totalDue.amount', 'data.totalDue.currency', 'error.code', 'error.status'],
};

export const billListBulk: BulkCommand<BillListOptions> = {
  lookup: ofExistingAccount(async (account, options, { api, locale }) => {
    const bills = await listBills(api, { accountId: account, state: options.state, limit: options.limit });
    return bills.map((bill) => billSummaryJson(bill, locale));
  }),
  // A list per account: the CSV shows how many and the latest; NDJSON has them all.
  csvFields: ['account', 'ok', 'data.length', 'data.0.id', 'data.0.billDate', 'data.0.totalDue.amount', 'data.0.state', 'error.code', 'error.status'],
};
