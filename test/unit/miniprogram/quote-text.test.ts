import { describe, expect, it } from 'vitest';
import { coverageStartText, waitingPeriodText } from '../../../miniprogram/src/lib/quote-text';
import { standingLabel, yearStatusLabel } from '../../../miniprogram/src/lib/standing-labels';

describe('a quote in words', () => {
  it('gives a waiting period in months with its last day', () => {
    expect(waitingPeriodText({ unit: 'month', length: 3, lastDay: '2025-06-04' })).toBe('3 个月（至2025年6月4日）');
  });

  it('gives a waiting period in days with its last day', () => {
    expect(waitingPeriodText({ unit: 'day', length: 90, lastDay: '2025-06-03' })).toBe('90 天（至2025年6月3日）');
  });

  it('says there is none when the payment has no waiting period', () => {
    expect(waitingPeriodText(null)).toBe('无等待期');
  });

  it('says from when a payment covers, or that it buys no cover in its year', () => {
    expect(coverageStartText({ coverageStart: '2025-01-01', coverageYear: 2025 })).toBe('2025年1月1日起');
    expect(coverageStartText({ coverageStart: null, coverageYear: 2025 })).toBe('2025年度不享受待遇');
  });
});

describe('where a person stands, in words', () => {
  it('tells a renewed resident that only the payment is left', () => {
    expect(standingLabel('renewed')).toBe('已默认续保，待缴费');
  });

  it('tells a paid resident in the waiting period from when cover starts', () => {
    expect(
      yearStatusLabel({ status: 'paid', coveredToday: false, coverageStart: '2025-06-05', waitingDaysLeft: 87 }),
    ).toBe('已缴费，2025年6月5日起享受待遇');
  });

  it('says a payment that bought no cover this year bought none', () => {
    expect(yearStatusLabel({ status: 'paid', coveredToday: false, coverageStart: null, waitingDaysLeft: null })).toBe(
      '已缴费，本年度不享受待遇',
    );
  });

  it('says an unpaid registration is not paid', () => {
    expect(
      yearStatusLabel({ status: 'registered', coveredToday: false, coverageStart: null, waitingDaysLeft: null }),
    ).toBe('已登记，未缴费');
  });
});
