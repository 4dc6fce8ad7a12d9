/** Money is integer fen inside the engine; yuan only at the edges (contracts, screens). */
export type Fen = number;

export function yuan(amount: number): Fen {
  return Math.round(amount * 100);
}

export function toYuan(fen: Fen): number {
  return fen / 100;
}

/** A share of an amount in fen, rounded to the fen (percent as a whole number, e.g. 30 for 30%). */
export function percentOf(amount: Fen, percent: number): Fen {
  return Math.round((amount * percent) / 100);
}

export function formatYuan(fen: Fen): string {
  const y = fen / 100;
  return `${Number.isInteger(y) ? y : y.toFixed(2)}元`;
}
