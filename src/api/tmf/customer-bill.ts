/**
 * TMF678 Customer Bill: `customerBill` and its line items `appliedCustomerBillingRate`, mapped to
 * the domain's Bill and BillLine. The balance-forward section (previous balance, payments) is not
 * in TMF678 v4; the sandbox carries it on an `EspaceCustomerBill` subtype, and for other servers
 * it is derived from the total.
 */
import * as z from 'zod';
import type { Bill, BillLine, BillSectionName, BillSummary, ChargeKind } from '../../domain/bill.js';
import { subtract, zero } from '../../domain/money.js';
import { GeneralError } from '../../errors.js';
import { ResponseShapeError, UncheckableAnswerError } from '../errors.js';
import type { HttpClient } from '../http.js';
import { check, listMatching, newestFirst } from './checked-list.js';
import { withQuickCheck } from './fast-check.js';
import { TimePeriod, TmfMoney, TmfRate, TmfRef, listPages, parseResource, rateFraction, refuse, toMoney } from './common.js';
import { sortedByIds } from './id-order.js';
import { TMF } from './paths.js';

const TaxItem = z.looseObject({
  taxCategory: z.string().optional(),
  taxRate: TmfRate.optional(),
  taxAmount: TmfMoney,
});

const ReceivedPayment = z.looseObject({
  payment: TmfRef.optional(),
  appliedAmount: TmfMoney,
  date: z.string().optional(),
});

export const CustomerBill = z.looseObject({
  id: z.string(),
  billNo: z.string().optional(),
  billDate: z.string(),
  billingPeriod: TimePeriod.optional(),
  paymentDueDate: z.string().optional(),
  state: z.string().optional(),
  runType: z.string().optional(),
  amountDue: TmfMoney,
  remainingAmount: TmfMoney.optional(),
  taxExcludedAmount: TmfMoney.optional(),
  taxIncludedAmount: TmfMoney.optional(),
  taxItem: z.array(TaxItem).optional(),
  billingAccount: TmfRef.optional(),
  previousBalance: TmfMoney.optional(),
  paymentReceived: z.array(ReceivedPayment).optional(),
});
export type CustomerBill = z.infer<typeof CustomerBill>;

/** The bill's totals, which espace adds and subtracts: they must share amountDue's currency. */
const TOTALS = ['remainingAmount', 'taxExcludedAmount', 'taxIncludedAmount', 'previousBalance'] as const;

/**
 * A bill schema that also refuses totals in another currency than `amountDue` (line items, taxes
 * and payments in another currency are shown in it instead: see billSections).
 */
export function withOneCurrency<T extends z.ZodType<CustomerBill>>(schema: T): T {
  const checked = schema.superRefine((bill: CustomerBill, ctx) => {
    const currency = bill.amountDue.unit ?? 'CAD';
    for (const name of TOTALS) {
      const unit = bill[name]?.unit;
      if (unit !== undefined && unit !== currency) refuse(ctx, [name, 'unit'], 'otherCurrency', unit, currency);
    }
  });
  return withQuickCheck(checked, (value) => {
    const bill = value as CustomerBill;
    const currency = bill.amountDue.unit ?? 'CAD';
    for (const name of TOTALS) {
      const unit = bill[name]?.unit;
      if (unit !== undefined && unit !== currency) return false;
    }
    return true;
  }) as T;
}

const CheckedBill = withOneCurrency(CustomerBill);

export const AppliedCustomerBillingRate = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  appliedBillingRateType: z.string().optional(),
  taxExcludedAmount: TmfMoney.optional(),
  taxIncludedAmount: TmfMoney.optional(),
  product: TmfRef.optional(),
  periodCoverage: TimePeriod.optional(),
  characteristic: z.array(z.looseObject({ name: z.string(), value: z.unknown() })).optional(),
});
export type AppliedCustomerBillingRate = z.infer<typeof AppliedCustomerBillingRate>;

/**
 * Whether a bill is an on-demand bill not issued yet: runType `offCycle` (produced on request, as
 * TMF678 customerBillOnDemand does) and state `new` ("ready to validate or to send"). espace asks
 * for one only as a preview of the next bill: it is not the latest bill and is not paid. Both
 * fields must say so: a server that sends neither has its bills taken as issued.
 */
export function isUnissuedOnDemand(bill: { state?: string; runType?: string }): boolean {
  return bill.state === 'new' && bill.runType === 'offCycle';
}

export function toBillSummary(bill: CustomerBill): BillSummary {
  const currency = bill.amountDue.unit ?? 'CAD';
  const totalDue = toMoney(bill.amountDue);
  return {
    id: bill.id,
    number: bill.billNo ?? bill.id,
    accountId: bill.billingAccount?.id ?? '',
    billDate: bill.billDate,
    period: { start: bill.billingPeriod?.startDateTime, end: bill.billingPeriod?.endDateTime },
    dueDate: bill.paymentDueDate,
    state: bill.state ?? 'new',
    totalDue,
    remaining: bill.remainingAmount ? toMoney(bill.remainingAmount, currency) : undefined,
    currentCharges: bill.taxIncludedAmount ? toMoney(bill.taxIncludedAmount, currency) : totalDue,
    ...(isUnissuedOnDemand(bill) ? { unissued: true } : {}),
  };
}

export function toBill(bill: CustomerBill): Bill {
  const summary = toBillSummary(bill);
  const currency = summary.totalDue.currency;
  const taxes = (bill.taxItem ?? []).map((tax) => ({
    category: tax.taxCategory ?? '',
    rate: rateFraction(tax.taxRate ?? 0),
    amount: toMoney(tax.taxAmount, currency),
  }));
  const taxTotal = taxes.reduce((total, tax) => total + tax.amount.amount, 0);
  return {
    ...summary,
    taxExcluded: bill.taxExcludedAmount ? toMoney(bill.taxExcludedAmount, currency) : subtract(summary.currentCharges, { amount: taxTotal, currency }),
    taxes,
    previousBalance: bill.previousBalance ? toMoney(bill.previousBalance, currency) : undefined,
    paymentsReceived: (bill.paymentReceived ?? []).map((payment, index) => ({
      id: payment.payment?.id ?? `payment-${index + 1}`,
      date: payment.date,
      amount: toMoney(payment.appliedAmount, currency),
    })),
  };
}

/**
 * TMF678's `appliedBillingRateType` values and what each is on a bill. The specification lists
 * recurringCharge, oneTimeCharge, usageCharge (charges), appliedBillingCredit and
 * appliedPenaltyCharge; `proration` is the sandbox's plan-change credit. Any other value is taken
 * as a one-time charge (an extra), never as part of the plan's recurring service charges.
 */
const RATE_KINDS: Record<string, ChargeKind> = {
  recurringCharge: 'recurring',
  recurring: 'recurring',
  usageCharge: 'usage',
  usage: 'usage',
  oneTimeCharge: 'oneTime',
  oneTime: 'oneTime',
  appliedBillingCredit: 'credit',
  credit: 'credit',
  appliedPenaltyCharge: 'penalty',
  penalty: 'penalty',
  proration: 'proration',
};
const SECTIONS: ReadonlySet<string> = new Set<BillSectionName>(['serviceCharges', 'addOns', 'fees']);

/** The charge kind of a rate type; a line with no type at all is a recurring charge, an unknown one a one-time extra. */
export function chargeKindOf(rateType: string | undefined): ChargeKind {
  if (rateType === undefined || rateType === '') return 'recurring';
  return RATE_KINDS[rateType] ?? RATE_KINDS[rateType.charAt(0).toLowerCase() + rateType.slice(1)] ?? 'oneTime';
}

/** The section a line declares through espace's `billSection` characteristic, if any. */
function declaredSection(rate: Pick<AppliedCustomerBillingRate, 'characteristic'>): BillSectionName | undefined {
  const declared = rate.characteristic?.find((item) => item.name === 'billSection')?.value;
  return typeof declared === 'string' && SECTIONS.has(declared) ? (declared as BillSectionName) : undefined;
}

/** Rate kinds that belong with their product: an add-on's recurring charge (or credit) is among the add-ons. */
const PRODUCT_KINDS: ReadonlySet<ChargeKind> = new Set<ChargeKind>(['recurring', 'credit']);

/**
 * The section of a line: the `billSection` characteristic (espace's extension) when the server
 * gives one; otherwise from the standard `appliedBillingRateType` and product — recurring charges
 * and credits of an add-on product (`addOnProducts`, see addOnProductIds) are add-ons, other
 * recurring charges, credits and prorations are service charges, usage and one-time extras are
 * add-ons, penalties are fees. Without the extension a fee charged per product (a 9-1-1 fee) cannot
 * be told from the product's charge, and stays with it.
 */
export function sectionOf(
  rate: Pick<AppliedCustomerBillingRate, 'characteristic' | 'product'>,
  kind: ChargeKind,
  addOnProducts?: ReadonlySet<string>,
): BillSectionName {
  const declared = declaredSection(rate);
  if (declared) return declared;
  if (kind === 'usage' || kind === 'oneTime') return 'addOns';
  if (kind === 'penalty') return 'fees';
  if (PRODUCT_KINDS.has(kind) && rate.product && addOnProducts?.has(rate.product.id)) return 'addOns';
  return 'serviceCharges';
}

export function toBillLine(rate: AppliedCustomerBillingRate, currency: string, addOnProducts?: ReadonlySet<string>): BillLine {
  const kind = chargeKindOf(rate.appliedBillingRateType);
  const amount = rate.taxExcludedAmount ?? rate.taxIncludedAmount;
  return {
    id: rate.id,
    name: rate.name ?? rate.product?.name ?? rate.description ?? rate.id,
    description: rate.description,
    section: sectionOf(rate, kind, addOnProducts),
    kind,
    amount: amount ? toMoney(amount, currency) : zero(currency),
    productId: rate.product?.id,
    productName: rate.product?.name,
    period: rate.periodCoverage ? { start: rate.periodCoverage.startDateTime, end: rate.periodCoverage.endDateTime } : undefined,
  };
}

export interface BillQuery {
  accountId?: string;
  state?: string;
  /** Most recent first; at most this many. */
  limit?: number;
}

/** A bill matches `billingAccount.id` when it names that account; undefined when it names none. */
const ofAccount = (bill: { billingAccount?: { id: string } }, account: string) => (bill.billingAccount ? bill.billingAccount.id === account : undefined);

/**
 * The bills of an account (in `state`, when given), newest first; at most `limit`. Every bill of
 * the account is read and sorted here: a server may ignore `sort`, so "the latest" can only be
 * told over all of them.
 */
export async function listBills(client: HttpClient, query: BillQuery): Promise<BillSummary[]> {
  const bills = await listMatching(client, TMF.customerBill, CheckedBill, 'CustomerBill', {
    query: { 'billingAccount.id': query.accountId, state: query.state, sort: '-billDate' },
    checks: [
      check('billingAccount.id', query.accountId, ofAccount),
      check('state', query.state, (bill: CustomerBill, state) => (bill.state === undefined ? undefined : bill.state === state)),
    ],
  });
  // A preview of the next bill (see isUnissuedOnDemand) is not one of the account's bills yet.
  const issued = bills.filter((bill) => !isUnissuedOnDemand(bill));
  return newestFirst(issued, (bill) => bill.billDate)
    .slice(0, query.limit)
    .map(toBillSummary);
}

/**
 * One bill. The answer is checked, not trusted: it must be the bill asked for and, when
 * `accountId` is given, a bill of that account (a bill that does not say its account is refused
 * rather than shown as that account's).
 */
export async function getBill(client: HttpClient, id: string, accountId?: string): Promise<Bill> {
  const path = `${TMF.customerBill}/${encodeURIComponent(id)}`;
  const response = await client.get(path);
  const bill = toBill(parseResource(CheckedBill, response, 'CustomerBill', path));
  if (bill.id !== id) {
    const request = { method: 'GET', url: response.url ?? path, requestId: response.requestId };
    throw new ResponseShapeError('CustomerBill', `id: the answer is bill ${bill.id}, not the one asked for`, request, {
      resource: 'CustomerBill',
      id,
      field: 'id',
    });
  }
  if (accountId !== undefined) {
    if (bill.accountId === '') throw new UncheckableAnswerError('CustomerBill', id, 'billingAccount', 'billingAccount.id', accountId);
    if (bill.accountId !== accountId) throw new GeneralError('bill.ofAnotherAccount', { params: { bill: id, account: accountId, other: bill.accountId } });
  }
  return bill;
}

/** A line item with the bill it belongs to, which is what `bill.id` filters on. */
const RateWithBill = AppliedCustomerBillingRate.extend({ bill: TmfRef.optional() });

export async function getBillLines(client: HttpClient, billId: string, currency: string): Promise<BillLine[]> {
  return toBillLines(client, await getBillRates(client, billId), currency);
}

/**
 * Line items in the order of their ids: TMF678 gives them no order, and a server may return them
 * in any, so this is what keeps a bill (and the services read from it) the same from any server.
 */
export function byId<T extends { id: string }>(rates: readonly T[]): T[] {
  return sortedByIds(rates, (rate) => rate.id);
}

/**
 * The add-on products among these line items' products, when some line does not declare its
 * section: then the products are read (TMF637, TMF620) to tell add-ons from services, and the
 * user is told once that the server does not give bill sections. No request when every line
 * declares one.
 */
export async function addOnProductsOf(client: HttpClient, rates: readonly AppliedCustomerBillingRate[]): Promise<ReadonlySet<string>> {
  const undeclared = rates.filter((rate) => declaredSection(rate) === undefined);
  if (undeclared.length === 0) return new Set();
  client.notice('bill.noSections', { resource: 'AppliedCustomerBillingRate' });
  const productIds = undeclared
    .filter((rate) => PRODUCT_KINDS.has(chargeKindOf(rate.appliedBillingRateType)))
    .flatMap((rate) => (rate.product ? [rate.product.id] : []));
  // Loaded only here: the product and catalog adapters (their schemas) are not needed for a bill
  // whose lines declare their sections, as the sandbox's and espace-aware servers' do.
  const { addOnProductIds } = await import('./add-on-products.js');
  return addOnProductIds(client, productIds);
}

/** Line items as bill lines, in the order of their ids, each in its section (see sectionOf, addOnProductsOf). */
export async function toBillLines(client: HttpClient, rates: readonly AppliedCustomerBillingRate[], currency: string): Promise<BillLine[]> {
  const addOns = await addOnProductsOf(client, rates);
  return byId(rates).map((rate) => toBillLine(rate, currency, addOns));
}

/** A bill's line items (toBillLines maps them once the bill's currency is known). */
export async function getBillRates(client: HttpClient, billId: string): Promise<AppliedCustomerBillingRate[]> {
  return listMatching(client, TMF.appliedCustomerBillingRate, RateWithBill, 'AppliedCustomerBillingRate', {
    query: { 'bill.id': billId },
    checks: [check('bill.id', billId, (rate: z.infer<typeof RateWithBill>, id) => (rate.bill ? rate.bill.id === id : undefined))],
    pageSize: 200,
  });
}

const BillDateOnly = z.looseObject({
  id: z.string(),
  billDate: z.string(),
  billingAccount: TmfRef.optional(),
  state: z.string().optional(),
  runType: z.string().optional(),
});

/**
 * The id of an account's most recent bill: the newest by date over all of the account's issued
 * bills (a preview of the next one is not), whatever order (or filtering) the server gave them
 * in. Asks only for ids, dates, accounts and what tells a preview.
 */
export async function latestBillId(client: HttpClient, accountId: string): Promise<string | undefined> {
  const bills = await listMatching(client, TMF.customerBill, BillDateOnly, 'CustomerBill', {
    query: { 'billingAccount.id': accountId, fields: 'id,billDate,billingAccount,state,runType', sort: '-billDate' },
    checks: [check('billingAccount.id', accountId, ofAccount)],
    pageSize: 1000,
  });
  return newestFirst(
    bills.filter((bill) => !isUnissuedOnDemand(bill)),
    (bill) => bill.billDate,
  )[0]?.id;
}

/**
 * An account's latest bill in one request, when it is dated on or after `since` (YYYY-MM-DD):
 * the bills of the window, whole, rather than every bill's id and then the latest one. A server
 * that honours `billDate.gte` sends the window, whose newest bill is the newest of all; one that
 * ignores it sends every bill, whose newest is too. Each bill is checked to be the account's, as
 * in latestBillId. Undefined when the answer holds no bill of the account: it may have older
 * ones, which only latestBillId can tell.
 */
export async function latestBillSince(client: HttpClient, accountId: string, since: string): Promise<Bill | undefined> {
  const bills = await listMatching(client, TMF.customerBill, CheckedBill, 'CustomerBill', {
    query: { 'billingAccount.id': accountId, 'billDate.gte': since, sort: '-billDate' },
    checks: [check('billingAccount.id', accountId, ofAccount)],
  });
  const newest = newestFirst(
    bills.filter((bill) => !isUnissuedOnDemand(bill)),
    (bill) => bill.billDate,
  )[0];
  return newest && toBill(newest);
}

/** The bills of one read, by account: see callerBills. */
export interface CallerBills {
  /** The account's issued bills in the read, newest first. */
  of(accountId: string): CustomerBill[];
}

/**
 * The bills of every account the caller may read (dated on or after `since`, in `state`, when
 * given), read with no account named: a server answers with the bills its caller may read,
 * whatever it does with filters. It lets a command learn which account is the caller's and read
 * that account's bills at once, rather than one after the other. The list is read page by page
 * as any list is (listPages: a server may cap its pages and give no count), and given up past
 * `max` bills (an agent reads every account's); undefined then, when a bill does not say its
 * account, or when one is not in the state asked for (a server that ignores `state`: the read by
 * account filters and tells the user, as it does with `--account`): the caller asks by account, as
 * it would have. A server that ignores `billDate.gte` sends older bills too, whose newest is the
 * newest all the same.
 */
export async function callerBills(client: HttpClient, filters: { since?: string; state?: string }, max: number): Promise<CallerBills | undefined> {
  const bills: CustomerBill[] = [];
  const query = { 'billDate.gte': filters.since, state: filters.state, sort: '-billDate' };
  for await (const page of listPages(client, TMF.customerBill, CheckedBill, 'CustomerBill', { query, pageSize: max })) {
    bills.push(...page);
    if (bills.length >= max) return undefined;
  }
  if (bills.some((bill) => bill.billingAccount === undefined)) return undefined;
  // A server that ignored `state` is left to the read by account, which filters and says so.
  if (filters.state !== undefined && bills.some((bill) => bill.state !== filters.state)) return undefined;
  return {
    of: (accountId) =>
      newestFirst(
        bills.filter((bill) => bill.billingAccount?.id === accountId && !isUnissuedOnDemand(bill)),
        (bill) => bill.billDate,
      ),
  };
}
