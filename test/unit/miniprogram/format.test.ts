import { describe, expect, it } from 'vitest';
import {
  formatDateCn,
  formatDateRangeCn,
  formatDateTimeCn,
  formatYuan,
  shanghaiDate,
} from '../../../miniprogram/src/lib/format';

describe('money on screen', () => {
  it.each([
    [380, '¥380.00'],
    [0, '¥0.00'],
    [96.5, '¥96.50'],
    [0.1 + 0.2, '¥0.30'],
    [1234.5, '¥1,234.50'],
    [1_000_000, '¥1,000,000.00'],
    [-12.3, '-¥12.30'],
  ])('shows %s yuan as %s', (yuan, text) => {
    expect(formatYuan(yuan)).toBe(text);
  });
});

describe('dates on screen', () => {
  it('writes a date the Chinese way without leading zeros', () => {
    expect(formatDateCn('2025-03-01')).toBe('2025年3月1日');
    expect(formatDateCn('2024-11-15')).toBe('2024年11月15日');
  });

  it('shows anything that is not a real date as it was given', () => {
    expect(formatDateCn('2025-02-30')).toBe('2025-02-30');
    expect(formatDateCn('')).toBe('');
  });

  it('joins a coverage period with 至', () => {
    expect(formatDateRangeCn('2025-01-01', '2025-12-31')).toBe('2025年1月1日至2025年12月31日');
  });

  it('shows an instant in Beijing time whatever zone the timestamp was written in', () => {
    expect(formatDateTimeCn('2024-11-15T02:05:00.000Z')).toBe('2024年11月15日 10:05');
    expect(formatDateTimeCn('2024-12-31T16:30:00Z')).toBe('2025年1月1日 00:30');
  });

  it('takes today in Shanghai, which is already tomorrow late in the UTC evening', () => {
    expect(shanghaiDate(new Date('2024-11-14T15:59:59Z'))).toBe('2024-11-14');
    expect(shanghaiDate(new Date('2024-11-14T16:00:00Z'))).toBe('2024-11-15');
  });
});
