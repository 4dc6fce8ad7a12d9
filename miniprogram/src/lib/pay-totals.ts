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

const fen = (yuan: number) => Math.round(yuan * 100);

export function payTotals(people: readonly QuotedPerson[]): PayTotals {
  const due = people.reduce((sum, p) => sum + fen(p.amountDue), 0) / 100;
  if (people.some((p) => p.details === null)) return { due, standard: null, subsidy: null };
  return {
    due,
    standard: people.reduce((sum, p) => sum + fen(p.details?.standardAmount ?? 0), 0) / 100,
    subsidy: people.reduce((sum, p) => sum + fen(p.details?.subsidyAmount ?? 0), 0) / 100,
  };
}
