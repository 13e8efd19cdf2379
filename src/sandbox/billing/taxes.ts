/**
 * Sales taxes on a bill, in integer cents. Each tax is computed once on the bill's taxable base
 * and rounded half-up to the cent (the way Canadian invoices state GST/QST/HST), then allocated
 * back to the taxable lines with the largest-remainder method so that the lines' shares add up to
 * the bill's tax exactly.
 */

export type TaxCategory = 'GST' | 'QST' | 'HST';
export type Province = 'QC' | 'ON';

export interface TaxRate {
  category: TaxCategory;
  /** The rate as it goes on the wire (`taxRate`). */
  rate: number;
  /** The same rate as an exact fraction, for integer arithmetic. */
  numerator: number;
  denominator: number;
}

export const GST: TaxRate = { category: 'GST', rate: 0.05, numerator: 5, denominator: 100 };
/** Quebec sales tax; since 2013 it is computed on the price before GST (not compounded). */
export const QST: TaxRate = { category: 'QST', rate: 0.09975, numerator: 9975, denominator: 100_000 };
export const HST_ON: TaxRate = { category: 'HST', rate: 0.13, numerator: 13, denominator: 100 };

export const SALES_TAXES: Record<Province, readonly TaxRate[]> = {
  QC: [GST, QST],
  ON: [HST_ON],
};

/** Floor division that is exact for safe integers of any sign. */
function divFloor(a: number, b: number): number {
  const remainder = ((a % b) + b) % b;
  return (a - remainder) / b;
}

/** numerator/denominator rounded to the nearest integer, halves away from zero. */
export function roundHalfUp(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const sign = numerator < 0 ? -1 : 1;
  return sign * divFloor(2 * Math.abs(numerator) + denominator, 2 * denominator);
}

/** Tax in cents on a base in cents. */
export function taxOn(baseCents: number, rate: TaxRate): number {
  return roundHalfUp(baseCents * rate.numerator, rate.denominator);
}

/**
 * Splits `total` in proportion to `weights` (which may include negative credits) so that the
 * parts are integers summing to `total` exactly. Each part is the floor of its exact share; the
 * units left over go to the largest fractional remainders, earlier entries first on ties.
 */
export function allocateLargestRemainder(total: number, weights: readonly number[]): number[] {
  let sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) {
    if (total !== 0) throw new RangeError('cannot allocate a non-zero total over weights summing to zero');
    return weights.map(() => 0);
  }
  let w = weights;
  if (sum < 0) {
    // w·total/sum is unchanged when both w and sum change sign; this keeps the divisor positive.
    sum = -sum;
    w = weights.map((x) => -x);
  }
  const parts = w.map((x) => divFloor(x * total, sum));
  const remainders = w.map((x, i) => x * total - (parts[i] ?? 0) * sum);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = remainders.map((r, i) => ({ r, i })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

export interface TaxableLine {
  taxExcludedCents: number;
  taxable: boolean;
}

export interface LineTax {
  rate: TaxRate;
  amountCents: number;
}

export interface BillTaxes {
  /** Taxable base in cents (credits reduce it). */
  baseCents: number;
  /** One entry per tax category: the bill's `taxItem[]`. */
  items: LineTax[];
  /** Per line, its share of each tax (empty for non-taxable lines): the lines' `appliedTax[]`. */
  perLine: LineTax[][];
}

export function computeBillTaxes(lines: readonly TaxableLine[], rates: readonly TaxRate[]): BillTaxes {
  const weights = lines.map((line) => (line.taxable ? line.taxExcludedCents : 0));
  const baseCents = weights.reduce((a, b) => a + b, 0);
  const items = rates.map((rate) => ({ rate, amountCents: taxOn(baseCents, rate) }));
  const perLine: LineTax[][] = lines.map(() => []);
  for (const item of items) {
    const shares = allocateLargestRemainder(item.amountCents, weights);
    lines.forEach((line, i) => {
      if (line.taxable) perLine[i]?.push({ rate: item.rate, amountCents: shares[i] ?? 0 });
    });
  }
  return { baseCents, items, perLine };
}
