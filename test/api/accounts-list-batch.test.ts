/**
 * listOfAccounts against a real sandbox: a batch's payments dealt out to their accounts (an
 * account without any maps to []), the same items one account's list gives, and a batch answer
 * too long to be read whole is given up (undefined: the accounts are then looked up one by one)
 * rather than cut short.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/api/http.js';
import { listOfAccounts } from '../../src/api/tmf/accounts-list-batch.js';
import { PAYMENT_PATH, TmfPayment, listPayments } from '../../src/api/tmf/payment.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

let sandbox: TestSandbox;
let http: HttpClient;
beforeAll(async () => {
  sandbox = await startTestSandbox({ syntheticAccounts: 5 });
  const token = sandbox.tokens.agent;
  http = new HttpClient({ baseUrl: sandbox.url, userAgent: 'espace-test', tokens: { token: async () => token, refreshAfterRejection: async () => undefined } });
});
afterAll(async () => {
  await http?.close();
  await sandbox?.close();
});

const ACCOUNTS = ['BA-100001', 'BA-100002', 'BA-100003', 'BA-999999'];
const read = {
  path: PAYMENT_PATH,
  resource: 'Payment',
  accountFilter: 'account.id',
  accountsOf: (payment: TmfPayment) => (payment.account ? [payment.account.id] : undefined),
};

describe('listOfAccounts', () => {
  it("deals a batch's items out to their accounts, as each account's own list has them", async () => {
    const byAccount = await listOfAccounts(http, TmfPayment, ACCOUNTS, read);
    expect([...byAccount!.keys()]).toEqual(ACCOUNTS);
    expect(byAccount!.get('BA-999999')).toEqual([]);
    for (const account of ACCOUNTS.slice(0, 3)) {
      const own = await listPayments(http, { accountId: account });
      expect(own.length).toBeGreaterThan(0);
      expect(
        byAccount!
          .get(account)!
          .map((payment) => payment.id)
          .sort(),
      ).toEqual(own.map((payment) => payment.id).sort());
    }
  });

  it('gives a batch up, rather than cut it short, when its answer is too long', async () => {
    const total = [...(await listOfAccounts(http, TmfPayment, ACCOUNTS, read))!.values()].flat().length;
    expect(await listOfAccounts(http, TmfPayment, ACCOUNTS, read, total)).toBeUndefined();
    expect(await listOfAccounts(http, TmfPayment, ACCOUNTS, read, total + 1)).toBeDefined();
  });
});
