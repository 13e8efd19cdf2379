/**
 * The CLI's own model of a bill and the five sections the portal shows: service charges;
 * add-ons and features; taxes and fees; previous balance and payments; current charges and
 * total due. Pure functions only: the API adapters build these from TMF resources.
 */
import { type Money, add, subtract, sum } from './money.js';

export type BillSectionName = 'serviceCharges' | 'addOns' | 'fees';
/** `proration`: a plan change's partial-period credit (negative) or charge (positive). */
export type ChargeKind = 'recurring' | 'usage' | 'oneTime' | 'credit' | 'penalty' | 'proration';

export interface BillLine {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly section: BillSectionName;
  readonly kind: ChargeKind;
  /** Before taxes; negative for a credit. */
  readonly amount: Money;
  readonly productId?: string;
  readonly productName?: string;
  readonly period?: Period;
}

export interface Period {
  readonly start?: string;
  readonly end?: string;
}

export interface TaxLine {
  readonly category: string;
  /** As a fraction: 0.05 for 5 %. */
  readonly rate: number;
  readonly amount: Money;
}

export interface PaymentReceived {
  readonly id: string;
  readonly date?: string;
  readonly amount: Money;
}

export type BillState = 'new' | 'onHold' | 'validated' | 'sent' | 'settled' | 'partiallyPaid' | (string & {});

/** What a bill list shows; `Bill` adds the detail. */
export interface BillSummary {
  readonly id: string;
  readonly number: string;
  readonly accountId: string;
  readonly billDate: string;
  readonly period: Period;
  readonly dueDate?: string;
  readonly state: BillState;
  readonly totalDue: Money;
  readonly remaining?: Money;
  readonly currentCharges: Money;
  /**
   * A bill produced on request (TMF678 customerBillOnDemand: runType offCycle) and not issued yet
   * (state `new`, "ready to validate or to send"): a preview of the next bill. It is never "the
   * latest bill", is left out of bill lists, and is not paid.
   */
  readonly unissued?: boolean;
}

export interface Bill extends BillSummary {
  readonly taxExcluded: Money;
  readonly taxes: readonly TaxLine[];
  /** Undefined when the server does not carry the balance-forward extension. */
  readonly previousBalance?: Money;
  readonly paymentsReceived: readonly PaymentReceived[];
}

export interface BillSections {
  readonly serviceCharges: { readonly lines: readonly BillLine[]; readonly subtotal: Money };
  readonly addOns: { readonly lines: readonly BillLine[]; readonly subtotal: Money };
  readonly taxesAndFees: { readonly taxes: readonly TaxLine[]; readonly fees: readonly BillLine[]; readonly subtotal: Money };
  readonly previousBalanceAndPayments: {
    /** Undefined when the server did not say; `balanceForward` is then derived from the total. */
    readonly previousBalance?: Money;
    readonly payments: readonly PaymentReceived[];
    readonly balanceForward: Money;
  };
  readonly currentChargesAndTotalDue: { readonly currentCharges: Money; readonly totalDue: Money };
  /**
   * What the figures fail to explain, in cents: 0 when lines + taxes + previous balance −
   * payments = total due, as they must. Anything else is shown to the user as a warning.
   * Amounts in another currency (`otherCurrencies`) are left out: espace does not convert.
   */
  readonly discrepancy: Money;
  /**
   * Lines, taxes and payments in a currency other than the bill's, totalled per currency. They
   * are shown in their own currency and never added to the bill's subtotals.
   */
  readonly otherCurrencies: readonly Money[];
}

export function billSections(bill: Bill, lines: readonly BillLine[]): BillSections {
  const currency = bill.totalDue.currency;
  const inSection = (name: BillSectionName) => lines.filter((line) => line.section === name);
  // Only amounts in the bill's currency are added up; the others are totalled apart.
  const own = (amounts: readonly Money[]) => amounts.filter((amount) => amount.currency === currency);
  const subtotal = (items: readonly BillLine[]) => sum(own(items.map((line) => line.amount)), currency);

  const serviceLines = inSection('serviceCharges');
  const addOnLines = inSection('addOns');
  const feeLines = inSection('fees');
  const taxTotal = sum(own(bill.taxes.map((tax) => tax.amount)), currency);
  const taxesAndFees = add(taxTotal, subtotal(feeLines));

  const computedCurrent = add(add(subtotal(serviceLines), subtotal(addOnLines)), taxesAndFees);
  const paid = sum(own(bill.paymentsReceived.map((payment) => payment.amount)), currency);
  const balanceForward = bill.previousBalance !== undefined ? subtract(bill.previousBalance, paid) : subtract(bill.totalDue, bill.currentCharges);
  const computedTotal = add(computedCurrent, balanceForward);

  return {
    serviceCharges: { lines: serviceLines, subtotal: subtotal(serviceLines) },
    addOns: { lines: addOnLines, subtotal: subtotal(addOnLines) },
    taxesAndFees: { taxes: bill.taxes, fees: feeLines, subtotal: taxesAndFees },
    previousBalanceAndPayments: {
      ...(bill.previousBalance !== undefined ? { previousBalance: bill.previousBalance } : {}),
      payments: bill.paymentsReceived,
      balanceForward,
    },
    currentChargesAndTotalDue: { currentCharges: bill.currentCharges, totalDue: bill.totalDue },
    discrepancy: subtract(bill.totalDue, computedTotal),
    otherCurrencies: otherCurrencyTotals(
      [...lines.map((line) => line.amount), ...bill.taxes.map((tax) => tax.amount), ...bill.paymentsReceived.map((payment) => payment.amount)],
      currency,
    ),
  };
}

/** Amounts not in `currency`, totalled per currency, in order of first appearance. */
function otherCurrencyTotals(amounts: readonly Money[], currency: string): Money[] {
  const totals = new Map<string, number>();
  for (const amount of amounts) {
    if (amount.currency !== currency) totals.set(amount.currency, (totals.get(amount.currency) ?? 0) + amount.amount);
  }
  return [...totals].map(([code, cents]) => ({ amount: cents, currency: code }));
}
