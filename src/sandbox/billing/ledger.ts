/**
 * Simulates a year of monthly billing for one account: line items, taxes, the statement section
 * (previous balance, payments received, amount due) and the application of payments to bills.
 * Pure and deterministic: the seed feeds it a plan and writes what comes out.
 */
import { addDays, addMonths, daysInMonth, monthLabel, noonUtc, type YearMonth } from '../dates.js';
import { computeBillTaxes, roundHalfUp, type LineTax, type TaxRate } from './taxes.js';

/** The section of the portal's bill a line item belongs to (the `billSection` characteristic). */
export type BillSection = 'serviceCharges' | 'addOns' | 'fees';

export type AppliedBillingRateType = 'recurringCharge' | 'oneTimeCharge' | 'usageCharge' | 'appliedBillingCredit' | 'appliedPenaltyCharge';

/** TMF678 CustomerBillStateType. */
export type BillState = 'new' | 'onHold' | 'validated' | 'sent' | 'settled' | 'partiallyPaid';

export interface BillingMonth {
  /** 0..11 for the seeded bills (11 = the latest); -1 for the bill before them, kept only as a balance. */
  index: number;
  /** Month of the bill date. */
  billMonth: YearMonth;
  /** Month of service the bill covers (the month before the bill date). */
  serviceMonth: YearMonth;
  billDate: string;
  periodStart: string;
  periodEnd: string;
}

export interface Period {
  start: string;
  end: string;
}

export interface ChargeSpec {
  section: BillSection;
  rateType: AppliedBillingRateType;
  name: string;
  description: string;
  /** Omitted only for penalties, which belong to the account rather than a product. */
  product?: { id: string; name: string };
  amountCents: number;
  taxable: boolean;
  /** Defaults to the billing period. */
  coverage?: Period;
}

export interface PaymentSpec {
  amountCents: number;
  /** Days after the bill date; must fall before the next bill. */
  dayOffset: number;
}

export interface LatePaymentRule {
  /** Monthly charge on the unpaid balance carried forward, as an exact fraction. */
  numerator: number;
  denominator: number;
  name: string;
  description: string;
}

export interface AccountPlan {
  accountId: string;
  /** The number in bill ids and bill numbers (BA-1001 → 1001). */
  accountNo: string;
  taxes: readonly TaxRate[];
  dueDays: number;
  charges(month: BillingMonth): ChargeSpec[];
  /** What the customer paid against a bill of the given amount due, or null if nothing. */
  payment(month: BillingMonth, amountDueCents: number): PaymentSpec | null;
  latePayment?: LatePaymentRule;
}

export interface GeneratedLine extends ChargeSpec {
  id: string;
  seq: number;
  coverage: Period;
  taxIncludedCents: number;
  taxes: LineTax[];
}

export interface GeneratedBill {
  id: string;
  billNo: string;
  month: BillingMonth;
  paymentDueDate: string;
  nextBillDate: string;
  lines: GeneratedLine[];
  taxItems: LineTax[];
  taxExcludedCents: number;
  taxIncludedCents: number;
  previousBalanceCents: number;
  /** Payments received since the previous bill, oldest first. */
  paymentsReceived: string[];
  amountDueCents: number;
  remainingCents: number;
  state: BillState;
  lastUpdate: string;
}

export interface GeneratedPayment {
  id: string;
  date: string;
  amountCents: number;
  /** Parts of the payment applied to seeded bills (a payment of the pre-seed bill has none). */
  allocations: { billId: string; amountCents: number }[];
}

export interface Ledger {
  bills: GeneratedBill[];
  payments: GeneratedPayment[];
}

/** The billing months ending with the anchor's month: index -1 .. count-1. Bills fall on the 1st. */
export function billingMonths(anchor: YearMonth, count = 12): BillingMonth[] {
  const months: BillingMonth[] = [];
  for (let index = -1; index < count; index++) {
    const billMonth = addMonths(anchor, index - (count - 1));
    const serviceMonth = addMonths(billMonth, -1);
    months.push({
      index,
      billMonth,
      serviceMonth,
      billDate: noonUtc(billMonth, 1),
      periodStart: noonUtc(serviceMonth, 1),
      periodEnd: noonUtc(serviceMonth, daysInMonth(serviceMonth)),
    });
  }
  return months;
}

interface OpenItem {
  billId: string | null;
  remainingCents: number;
  bill: GeneratedBill | null;
}

export function generateLedger(plan: AccountPlan, anchor: YearMonth, count = 12): Ledger {
  const months = billingMonths(anchor, count);
  const bills: GeneratedBill[] = [];
  const payments: GeneratedPayment[] = [];
  const open: OpenItem[] = [];
  let previousAmountDue = 0;
  let previousBillDate: string | null = null;

  for (const month of months) {
    const received = payments.filter((p) => previousBillDate !== null && p.date >= previousBillDate && p.date < month.billDate);
    const receivedCents = received.reduce((sum, p) => sum + p.amountCents, 0);
    const carriedCents = previousAmountDue - receivedCents;

    const charges = plan.charges(month);
    if (plan.latePayment && carriedCents > 0 && month.index >= 0) {
      const rule = plan.latePayment;
      charges.push({
        section: 'fees',
        rateType: 'appliedPenaltyCharge',
        name: rule.name,
        description: rule.description,
        amountCents: roundHalfUp(carriedCents * rule.numerator, rule.denominator),
        // Late-payment charges are not a taxable supply.
        taxable: false,
      });
    }
    const taxes = computeBillTaxes(
      charges.map((c) => ({ taxExcludedCents: c.amountCents, taxable: c.taxable })),
      plan.taxes,
    );
    const id = `CB-${plan.accountNo}-${monthLabel(month.billMonth, '')}`;
    const lines: GeneratedLine[] = charges.map((charge, i) => {
      const lineTaxes = taxes.perLine[i] ?? [];
      return {
        ...charge,
        id: `ACBR-${plan.accountNo}-${monthLabel(month.billMonth, '')}-${String(i + 1).padStart(2, '0')}`,
        seq: i + 1,
        coverage: charge.coverage ?? { start: month.periodStart, end: month.periodEnd },
        taxes: lineTaxes,
        taxIncludedCents: charge.amountCents + lineTaxes.reduce((sum, t) => sum + t.amountCents, 0),
      };
    });
    const taxExcludedCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
    const taxIncludedCents = taxExcludedCents + taxes.items.reduce((sum, t) => sum + t.amountCents, 0);
    // The bill before the seeded year starts from a settled account.
    const previousBalanceCents = month.index < 0 ? 0 : previousAmountDue;
    const amountDueCents = previousBalanceCents - receivedCents + taxIncludedCents;

    let bill: GeneratedBill | null = null;
    if (month.index >= 0) {
      bill = {
        id,
        billNo: `${monthLabel(month.billMonth)}-${plan.accountNo}`,
        month,
        paymentDueDate: addDays(month.billDate, plan.dueDays),
        nextBillDate: noonUtc(addMonths(month.billMonth, 1), 1),
        lines,
        taxItems: taxes.items,
        taxExcludedCents,
        taxIncludedCents,
        previousBalanceCents,
        paymentsReceived: received.map((p) => p.id),
        amountDueCents,
        remainingCents: taxIncludedCents,
        state: 'sent',
        lastUpdate: month.billDate,
      };
      bills.push(bill);
    }
    // Before the seeded year, only the amount due matters: it is what the first payment settles.
    open.push({ billId: bill ? id : null, remainingCents: bill ? taxIncludedCents : amountDueCents, bill });

    const spec = plan.payment(month, amountDueCents);
    if (spec && spec.amountCents > 0) {
      const date = addDays(month.billDate, spec.dayOffset);
      const payment: GeneratedPayment = {
        id: `PAY-${plan.accountNo}-${date.slice(0, 10).replaceAll('-', '')}`,
        date,
        amountCents: spec.amountCents,
        allocations: [],
      };
      applyPayment(payment, open);
      payments.push(payment);
    }
    previousAmountDue = amountDueCents;
    previousBillDate = month.billDate;
  }

  for (const bill of bills) {
    bill.state = bill.remainingCents === 0 ? 'settled' : bill.remainingCents < bill.taxIncludedCents ? 'partiallyPaid' : 'sent';
  }
  return { bills, payments };
}

/** Applies a payment to the oldest bills first, as operators do with a balance-forward account. */
function applyPayment(payment: GeneratedPayment, open: OpenItem[]): void {
  let left = payment.amountCents;
  for (const item of open) {
    if (left === 0) break;
    if (item.remainingCents <= 0) continue;
    const applied = Math.min(left, item.remainingCents);
    item.remainingCents -= applied;
    left -= applied;
    if (item.bill && item.billId) {
      item.bill.remainingCents = item.remainingCents;
      item.bill.lastUpdate = payment.date;
      payment.allocations.push({ billId: item.billId, amountCents: applied });
    }
  }
  if (left > 0) throw new Error(`payment ${payment.id} exceeds what is owed by ${left} cents`);
}
