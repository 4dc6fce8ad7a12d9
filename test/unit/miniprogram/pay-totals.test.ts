import { describe, expect, it } from 'vitest';
import { payTotals, sumYuan } from '../../../miniprogram/src/lib/pay-totals';

const detailed = (standardAmount: number, subsidyAmount: number, amountDue: number) => ({
  amountDue,
  details: { standardAmount, subsidyAmount },
});

describe('the totals on the confirmation step', () => {
  it('adds standard amounts, subsidies and amounts due person by person', () => {
    expect(payTotals([detailed(400, 0, 400), detailed(400, 400 * 0.5, 200)])).toEqual({
      standard: 800,
      subsidy: 200,
      due: 600,
    });
  });

  it('adds in fen, so ten payments of 0.10 yuan make exactly 1 yuan', () => {
    const people = Array.from({ length: 10 }, () => detailed(0.1, 0, 0.1));
    expect(payTotals(people)).toEqual({ standard: 1, subsidy: 0, due: 1 });
  });

  it('gives only the amount due when someone’s breakdown is hidden from the payer', () => {
    expect(payTotals([detailed(400, 0, 400), { amountDue: 380, details: null }])).toEqual({
      due: 780,
      standard: null,
      subsidy: null,
    });
  });

  it('is zero for nobody', () => {
    expect(payTotals([])).toEqual({ due: 0, standard: 0, subsidy: 0 });
  });
});

describe('adding yuan amounts', () => {
  it('adds in fen, so 0.1 + 0.2 is exactly 0.3 and nothing adds to 0', () => {
    expect(sumYuan([0.1, 0.2])).toBe(0.3);
    expect(sumYuan([])).toBe(0);
  });
});
