import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, isIsoDate } from '../../../shared/rules/civil-date';

describe('Civil Code date counting', () => {
  it.each([
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-31', 3, '2025-06-30'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2025-12-15', -1, '2025-11-15'],
  ])('%s plus %i months ends on %s (month end where the day does not exist)', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it('counts 60 days after 1 Mar 2024 to 30 Apr, the pay day itself not counted', () => {
    expect(addDays('2024-03-01', 60)).toBe('2024-04-30');
  });

  it('counts day 90 after a birth on 1 Jan 2025 as 1 Apr 2025', () => {
    expect(addDays('2025-01-01', 90)).toBe('2025-04-01');
  });

  it.each([
    ['2003-11-01', '2021-11-01', 18],
    ['2003-11-02', '2021-11-01', 17],
    ['2024-02-29', '2025-02-27', 0],
    ['2024-02-29', '2025-02-28', 1],
  ])('a person born on %s is %i on %s', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-1-01', '20240101', ''])('rejects %j as a date', (text) => {
    expect(isIsoDate(text)).toBe(false);
  });

  it('accepts a leap day', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});

describe('day numbers', () => {
  it('agree with the platform calendar for every day from 1900 to 2100', () => {
    const start = Date.UTC(1900, 0, 1) / 86_400_000;
    const end = Date.UTC(2100, 11, 31) / 86_400_000;
    for (let n = start; n <= end; n += 1) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      expect(addDays('1970-01-01', n)).toBe(iso);
    }
  });
});
