/** Bulk mode of `bill show` and `bill list`: each account's record holds what `--json` prints. */
import { getBill, getBillLines, listBills } from '../../../api/tmf/customer-bill.js';
import { getLinesOfBills, latestBillsOfAccounts, latestBillsSince, sinceForLatestBills } from '../../../api/tmf/customer-bill-batch.js';
import type { BulkCommand } from '../../../bulk/types.js';
import { ofExistingAccount } from '../../bulk/existing-account.js';
import { UsageError } from '../../../errors.js';
import type { BillListOptions } from './list.js';
import { requireLatestBillId } from './resolve.js';
import type { BillShowOptions } from './show.js';
import { billJson, billSummaryJson } from './view.js';

export const billShowBulk: BulkCommand<BillShowOptions> = {
  check(options) {
    // A bill id belongs to one account: across accounts only "the latest" means something.
    if (options.bill !== 'latest') throw new UsageError('bulk.billShowLatestOnly', { params: { bill: options.bill } });
  },
  async lookup(account, _options, { api, locale }) {
    const billId = await requireLatestBillId(api, account);
    const [bill, lines] = await Promise.all([getBill(api, billId, account), getBillLines(api, billId, 'CAD')]);
    return billJson(bill, lines, locale);
  },
  /**
   * Two requests for a whole batch: the recent bills of its accounts, then the line items of the
   * latest one of each. An account without a bill in the window is left to `lookup`, which reads
   * its whole history.
   */
  async lookupBatch(accounts, _options, { api, locale, clock }) {
    const latest = await latestBillsSince(api, accounts, sinceForLatestBills(clock()));
    const found = new Map<string, unknown>();
    if (latest.size === 0) return found;
    const lines = await getLinesOfBills(
      api,
      [...latest.values()].map((bill) => bill.id),
      'CAD',
    );
    for (const [account, bill] of latest) found.set(account, billJson(bill, lines.get(bill.id) ?? [], locale));
    return found;
  },
  csvFields: [
    'account',
    'ok',
    'data.id',
    'data.billDate',
    'data.dueDate',
    'data.state',
    'data.totalDue.amount',
    'data.totalDue.currency',
    'error.code',
    'error.status',
  ],
};

export const billListBulk: BulkCommand<BillListOptions> = {
  lookup: ofExistingAccount(async (account, options, { api, locale }) => {
    const bills = await listBills(api, { accountId: account, state: options.state, limit: options.limit });
    return bills.map((bill) => billSummaryJson(bill, locale));
  }),
  /**
   * One request for a whole batch (more pages for long lists): the bills of its accounts from a
   * window of `--limit` monthly cycles. An account with fewer bills than that in the window is
   * left to `lookup`: it may have older ones, or none, or not be the caller's.
   */
  async lookupBatch(accounts, options, { api, locale, clock }) {
    const since = sinceForLatestBills(clock(), options.limit);
    const latest = await latestBillsOfAccounts(api, accounts, { since, state: options.state, limit: options.limit });
    return new Map([...latest].map(([account, bills]) => [account, bills.map((bill) => billSummaryJson(bill, locale))]));
  },
  // A list per account: the CSV shows how many and the latest; NDJSON has them all.
  csvFields: ['account', 'ok', 'data.length', 'data.0.id', 'data.0.billDate', 'data.0.totalDue.amount', 'data.0.state', 'error.code', 'error.status'],
};
