/** TMF `Money`: a currency and a decimal amount. */
export interface TmfMoney {
  unit: string;
  value: number;
}

/**
 * Converts integer cents to TMF Money. `cents / 100` is the double nearest to the exact decimal,
 * and JSON.stringify prints the shortest string that round-trips, so 6550 goes on the wire as
 * exactly `65.5` and a client can convert back to cents without float drift.
 */
export function money(cents: number, unit = 'CAD'): TmfMoney {
  return { unit, value: cents / 100 };
}
