import { describe, expect, it } from 'vitest';
import { daysUntil, waitingCountdown, windowCountdown } from '../../../miniprogram/src/lib/countdown';

describe('days until a date', () => {
  it('counts 46 days from 15 November to 31 December, the start day not counted', () => {
    expect(daysUntil('2024-11-15', '2024-12-31')).toBe(46);
  });

  it('counts across a leap day', () => {
    expect(daysUntil('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('refuses a date that does not exist rather than counting from it', () => {
    expect(() => daysUntil('2024-02-30', '2024-03-01')).toThrow(RangeError);
  });
});

describe('a payment window seen from today', () => {
  const start = '2024-09-01';
  const end = '2024-12-31';

  it('says how many days until it opens', () => {
    expect(windowCountdown('2024-08-27', start, end)).toEqual({
      phase: 'upcoming',
      days: 5,
      text: '5 天后开始（2024年9月1日）',
    });
  });

  it('counts today among the days left while it is open', () => {
    expect(windowCountdown('2024-11-15', start, end)).toEqual({
      phase: 'open',
      days: 47,
      text: '还剩 47 天（含今天，截至2024年12月31日）',
    });
    expect(windowCountdown(start, start, end).days).toBe(122);
  });

  it('says today is the last day on its last day', () => {
    expect(windowCountdown(end, start, end)).toEqual({ phase: 'open', days: 1, text: '今天是最后一天' });
  });

  it('says it has closed the day after', () => {
    expect(windowCountdown('2025-01-01', start, end)).toEqual({
      phase: 'closed',
      days: 0,
      text: '已于2024年12月31日截止',
    });
  });
});

describe('a waiting period seen from today', () => {
  it('counts the days from today to the day cover starts', () => {
    expect(waitingCountdown('2025-03-10', '2025-06-05')).toEqual({
      waiting: true,
      daysLeft: 87,
      text: '还需等待 87 天，2025年6月5日起享受待遇',
    });
  });

  it('has one day left the day before cover starts, and none on the day itself', () => {
    expect(waitingCountdown('2025-06-04', '2025-06-05').daysLeft).toBe(1);
    expect(waitingCountdown('2025-06-05', '2025-06-05')).toEqual({
      waiting: false,
      daysLeft: 0,
      text: '今天起享受待遇',
    });
  });

  it('says since when cover has run once it started', () => {
    expect(waitingCountdown('2025-07-01', '2025-06-05').text).toBe('已于2025年6月5日起享受待遇');
  });
});
