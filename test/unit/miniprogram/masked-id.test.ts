import { describe, expect, it } from 'vitest';
import { displayMaskedId, spokenMaskedId } from '../../../miniprogram/src/lib/masked-id';

describe('ID numbers on screen', () => {
  it('shows a masked number from the backend as it came', () => {
    expect(displayMaskedId('350***********1234')).toBe('350***********1234');
  });

  it('masks a whole ID number that slipped through instead of showing it', () => {
    expect(displayMaskedId('35052119780312991X')).toBe('350***********991X');
  });

  it('masks a whole birth-certificate number too', () => {
    expect(displayMaskedId('Q350123456')).not.toContain('350123');
  });

  it('reads a masked number out by its visible ends, not as a run of asterisks', () => {
    expect(spokenMaskedId('350***********1234', '身份证号码')).toBe('身份证号码350开头、1234结尾');
    expect(spokenMaskedId('******3456', '出生医学证明编号')).toBe('出生医学证明编号以3456结尾');
  });
});
