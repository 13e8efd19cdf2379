/**
 * What changed from one bill to a later one, and why: line items matched across the two bills,
 * each difference typed with the reason a customer would give it (a new add-on, a promotion that
 * ended, an overage, a late-payment fee…), then taxes and the balance carried forward. The effects
 * add up to the change of the total due, to the cent; whatever the typed changes cannot explain
 * is reported as an explicit `other` change rather than hidden. Pure: no I/O.
 */
import { type Bill, type BillLine, billSections } from './bill.js';
import { type Money, negate, subtract, sum, zero } from './money.js';

export type ChangeReason =
  | 'serviceAdded'
  | 'serviceRemoved'
  | 'planChanged'
  | 'priceChanged'
  | 'addOnAdded'
  | 'addOnRemoved'
  | 'promotionStarted'
  | 'promotionEnded'
  | 'promotionChanged'
  | 'usageAdded'
  | 'usageRemoved'
  | 'usageChanged'
  | 'oneTimeAdded'
  | 'oneTimeRemoved'
  | 'oneTimeChanged'
  | 'prorationCredit'
  | 'prorationCharge'
  | 'prorationEnded'
  | 'feeAdded'
  | 'feeRemoved'
  | 'lateFeeAdded'
  | 'lateFeeRemoved'
  | 'lateFeeChanged'
  | 'taxChanged'
  | 'taxRateChanged'
  | 'previousBalance'
  | 'paymentsReceived'
  | 'balanceForward'
  | 'other';

export type ChangeSection = 'serviceCharges' | 'addOns' | 'taxesAndFees' | 'previousBalanceAndPayments' | 'other';

export interface BillChange {
  readonly reason: ChangeReason;
  readonly section: ChangeSection;
  /** The line item's name (with its product when two lines share a name), or the tax category. */
  readonly label: string;
  /** For a plan change: the plan's name on the older bill. */
  readonly previousLabel?: string;
  readonly productId?: string;
  /** What the older bill charged for it; undefined when it was not there. */
  readonly before?: Money;
  /** What the newer bill charges; undefined when it is gone. */
  readonly after?: Money;
  /** Tax rates (fractions) on each bill, for tax changes. */
  readonly rateBefore?: number;
  readonly rateAfter?: number;
  /** What this change adds to the total due (negative: lowers it). */
  readonly effect: Money;
}

export interface BillDiff {
  readonly before: Bill;
  readonly after: Bill;
  /** after.totalDue − before.totalDue. */
  readonly totalChange: Money;
  /** In section order; `other` last and only when the typed changes leave a remainder. */
  readonly changes: readonly BillChange[];
  /** The part of the total change no typed change explains: zero when the bills add up. */
  readonly unexplained: Money;
}

export interface BillWithLines {
  readonly bill: Bill;
  readonly lines: readonly BillLine[];
}

/** One line item, or the sum of lines that are the same charge (same key) on one bill. */
interface Charge {
  readonly key: string;
  readonly line: BillLine;
  readonly amount: Money;
}

/**
 * Which lines are "the same charge" on two bills. A recurring service or add-on is its product
 * (its name may change with the plan); fees, credits and extras are their product and name;
 * proration credits and charges are told apart by their sign.
 */
function chargeKey(line: BillLine): string {
  const product = line.productId ?? '';
  switch (line.kind) {
    case 'recurring':
      return line.section === 'fees' || !line.productId ? `${line.section}|fee|${product}|${line.name}` : `${line.section}|recurring|${product}`;
    case 'proration':
      return `proration|${product}|${line.name}|${line.amount.amount < 0 ? 'credit' : 'charge'}`;
    default:
      return `${line.kind}|${product}|${line.name}`;
  }
}

function charges(lines: readonly BillLine[], currency: string): Map<string, Charge> {
  const byKey = new Map<string, Charge>();
  for (const line of lines) {
    const key = chargeKey(line);
    const known = byKey.get(key);
    byKey.set(key, known ? { ...known, amount: sum([known.amount, line.amount], currency) } : { key, line, amount: line.amount });
  }
  return byKey;
}

type LineReasons = { added: ChangeReason; removed: ChangeReason; changed: ChangeReason };

function reasonsFor(line: BillLine): LineReasons {
  switch (line.kind) {
    case 'credit':
      return { added: 'promotionStarted', removed: 'promotionEnded', changed: 'promotionChanged' };
    case 'usage':
      return { added: 'usageAdded', removed: 'usageRemoved', changed: 'usageChanged' };
    case 'oneTime':
      return { added: 'oneTimeAdded', removed: 'oneTimeRemoved', changed: 'oneTimeChanged' };
    case 'penalty':
      return { added: 'lateFeeAdded', removed: 'lateFeeRemoved', changed: 'lateFeeChanged' };
    case 'proration': {
      const added = line.amount.amount < 0 ? 'prorationCredit' : 'prorationCharge';
      return { added, removed: 'prorationEnded', changed: added };
    }
    default:
      if (line.section === 'fees') return { added: 'feeAdded', removed: 'feeRemoved', changed: 'priceChanged' };
      if (line.section === 'addOns') return { added: 'addOnAdded', removed: 'addOnRemoved', changed: 'priceChanged' };
      return { added: 'serviceAdded', removed: 'serviceRemoved', changed: 'priceChanged' };
  }
}

function sectionOf(line: BillLine): ChangeSection {
  return line.section === 'fees' ? 'taxesAndFees' : line.section;
}

/** Names shared by lines of different products get the product appended, as `bill show` does. */
function labeller(lines: readonly BillLine[]): (line: BillLine) => string {
  const productsByName = new Map<string, Set<string>>();
  for (const line of lines) {
    const products = productsByName.get(line.name) ?? new Set<string>();
    products.add(line.productId ?? '');
    productsByName.set(line.name, products);
  }
  return (line) => ((productsByName.get(line.name)?.size ?? 0) > 1 && line.productName ? `${line.name} – ${line.productName}` : line.name);
}

function lineChanges(before: readonly BillLine[], after: readonly BillLine[], currency: string): BillChange[] {
  const old = charges(before, currency);
  const now = charges(after, currency);
  const label = labeller([...before, ...after]);
  const changes: BillChange[] = [];
  // The newer bill's order first (the order the customer reads it in), then what disappeared.
  for (const [key, current] of now) {
    const previous = old.get(key);
    const line = current.line;
    const base = { section: sectionOf(line), label: label(line), ...(line.productId ? { productId: line.productId } : {}) };
    if (!previous) {
      changes.push({ ...base, reason: reasonsFor(line).added, after: current.amount, effect: current.amount });
      continue;
    }
    const renamed = line.kind === 'recurring' && previous.line.name !== line.name;
    if (previous.amount.amount === current.amount.amount && !renamed) continue;
    changes.push({
      ...base,
      reason: renamed ? 'planChanged' : reasonsFor(line).changed,
      ...(renamed ? { previousLabel: label(previous.line) } : {}),
      before: previous.amount,
      after: current.amount,
      effect: subtract(current.amount, previous.amount),
    });
  }
  for (const [key, previous] of old) {
    if (now.has(key)) continue;
    const line = previous.line;
    changes.push({
      reason: reasonsFor(line).removed,
      section: sectionOf(line),
      label: label(line),
      ...(line.productId ? { productId: line.productId } : {}),
      before: previous.amount,
      effect: negate(previous.amount),
    });
  }
  return changes;
}

function taxChanges(before: Bill, after: Bill, currency: string): BillChange[] {
  const categories = [...new Set([...after.taxes, ...before.taxes].map((tax) => tax.category))];
  const changes: BillChange[] = [];
  for (const category of categories) {
    const old = before.taxes.filter((tax) => tax.category === category);
    const now = after.taxes.filter((tax) => tax.category === category);
    const oldAmount = sum(
      old.map((tax) => tax.amount),
      currency,
    );
    const newAmount = sum(
      now.map((tax) => tax.amount),
      currency,
    );
    const rateBefore = old[0]?.rate;
    const rateAfter = now[0]?.rate;
    const rateChanged = rateBefore !== undefined && rateAfter !== undefined && rateBefore !== rateAfter;
    if (oldAmount.amount === newAmount.amount && !rateChanged) continue;
    changes.push({
      reason: rateChanged ? 'taxRateChanged' : 'taxChanged',
      section: 'taxesAndFees',
      label: category,
      ...(old.length ? { before: oldAmount } : {}),
      ...(now.length ? { after: newAmount } : {}),
      ...(rateBefore !== undefined ? { rateBefore } : {}),
      ...(rateAfter !== undefined ? { rateAfter } : {}),
      effect: subtract(newAmount, oldAmount),
    });
  }
  return changes;
}

/**
 * The balance carried forward: previous balance and payments received apart when both bills
 * carry them, else the single balance-forward figure the sections derive from the total.
 */
function balanceChanges(before: Bill, after: Bill, currency: string): BillChange[] {
  const section = 'previousBalanceAndPayments';
  if (before.previousBalance === undefined || after.previousBalance === undefined) {
    const old = billSections(before, []).previousBalanceAndPayments.balanceForward;
    const now = billSections(after, []).previousBalanceAndPayments.balanceForward;
    if (old.amount === now.amount) return [];
    return [{ reason: 'balanceForward', section, label: '', before: old, after: now, effect: subtract(now, old) }];
  }
  const changes: BillChange[] = [];
  if (before.previousBalance.amount !== after.previousBalance.amount) {
    changes.push({
      reason: 'previousBalance',
      section,
      label: '',
      before: before.previousBalance,
      after: after.previousBalance,
      effect: subtract(after.previousBalance, before.previousBalance),
    });
  }
  const paidBefore = sum(
    before.paymentsReceived.map((payment) => payment.amount),
    currency,
  );
  const paidAfter = sum(
    after.paymentsReceived.map((payment) => payment.amount),
    currency,
  );
  if (paidBefore.amount !== paidAfter.amount) {
    // A payment lowers what is due: more received means a lower total.
    changes.push({ reason: 'paymentsReceived', section, label: '', before: paidBefore, after: paidAfter, effect: subtract(paidBefore, paidAfter) });
  }
  return changes;
}

const SECTION_ORDER: readonly ChangeSection[] = ['serviceCharges', 'addOns', 'taxesAndFees', 'previousBalanceAndPayments', 'other'];

/** The changes from `older` to `newer` (give them in date order; the function does not reorder). */
export function diffBills(older: BillWithLines, newer: BillWithLines): BillDiff {
  const currency = newer.bill.totalDue.currency;
  const fromLines = lineChanges(older.lines, newer.lines, currency);
  // A stable sort: within a section, line items keep the newer bill's order, then taxes.
  const changes = [...fromLines, ...taxChanges(older.bill, newer.bill, currency), ...balanceChanges(older.bill, newer.bill, currency)].sort(
    (a, b) => SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section),
  );
  const totalChange = subtract(newer.bill.totalDue, older.bill.totalDue);
  const unexplained = subtract(
    totalChange,
    sum(
      changes.map((change) => change.effect),
      currency,
    ),
  );
  if (unexplained.amount !== 0) changes.push({ reason: 'other', section: 'other', label: '', effect: unexplained });
  return { before: older.bill, after: newer.bill, totalChange, changes, unexplained: unexplained.amount === 0 ? zero(currency) : unexplained };
}
