/**
 * The sums on the confirmation step, added in fen so 0.1 + 0.2 never shows up on a receipt. The
 * standard amount and subsidy are known only for people whose details the payer may see (themselves
 * and consenting relatives); for the rest only the amount due is, so those sums are partial then.
 */
type QuotedPerson = {
  amountDue: number;
  details: { standardAmount: number; subsidyAmount: number } | null;
};

export type PayTotals = {
  /** Yuan. */
  due: number;
  /** Yuan; null when someone's breakdown is not shown to the payer. */
  standard: number | null;
  subsidy: number | null;
};

/** Adds yuan amounts in fen, so the sum is exact to the fen. */
export function sumYuan(amounts: readonly number[]): number {
  return amounts.reduce((sum, yuan) => sum + Math.round(yuan * 100), 0) / 100;
}

export function payTotals(people: readonly QuotedPerson[]): PayTotals {
  const due = sumYuan(people.map((p) => p.amountDue));
  if (people.some((p) => p.details === null)) return { due, standard: null, subsidy: null };
  return {
    due,
    standard: sumYuan(people.map((p) => p.details?.standardAmount ?? 0)),
    subsidy: sumYuan(people.map((p) => p.details?.subsidyAmount ?? 0)),
  };
}
