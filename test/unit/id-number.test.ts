import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCheckDigit, isValidIdChecksum, maskIdNumber, parseIdNumber } from '../../shared/id';

/** Synthetic numbers only: region + birth date + sequence, completed with its own check digit. */
function syntheticId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + computeCheckDigit(first17);
}

/** The first synthetic number for a birth date whose check digit is X. */
function idEndingInX(region: string, birth: string): string {
  for (let n = 100; n < 1000; n += 1) {
    const id = syntheticId(region, birth, String(n));
    if (id.endsWith('X')) return id;
  }
  throw new Error('no sequence gives check digit X');
}

/** Same number with a check digit that does not match. */
function withWrongCheckDigit(id: string): string {
  const wrong = id.endsWith('0') ? '1' : '0';
  return id.slice(0, 17) + wrong;
}

/** Swaps the 16th and 17th characters, a common typing slip. */
function swapSequenceDigits(id: string): string {
  return id.slice(0, 15) + id.charAt(16) + id.charAt(15) + id.slice(17);
}

const TODAY = '2024-06-15';
const VALID = syntheticId('350583', '20000101', '123');

describe('parseIdNumber accepts a valid number', () => {
  it('reads the birth date, sex, region and province of a synthetic Fujian number', () => {
    expect(parseIdNumber(VALID, TODAY)).toEqual({
      ok: true,
      value: { idNumber: VALID, birthDate: '2000-01-01', sex: 'male', regionCode: '350583', province: '福建省' },
    });
  });

  const sexCases = [
    { name: 'an odd 17th digit means male', sequence: '001', sex: 'male' },
    { name: 'an even 17th digit means female', sequence: '002', sex: 'female' },
    { name: 'a 17th digit of 0 means female', sequence: '120', sex: 'female' },
    { name: 'a 17th digit of 9 means male', sequence: '129', sex: 'male' },
  ] as const;
  it.each(sexCases)('$name', ({ sequence, sex }) => {
    const result = parseIdNumber(syntheticId('350583', '19800101', sequence), TODAY);
    expect(result.ok && result.value.sex).toBe(sex);
  });

  it('accepts a lowercase x as the check digit and returns it as uppercase X', () => {
    const id = idEndingInX('350583', '19900315');
    const result = parseIdNumber(id.toLowerCase(), TODAY);
    expect(result.ok && result.value.idNumber).toBe(id);
  });

  const normalizingCases = [
    { name: 'trims spaces around the number', raw: `  ${VALID}  ` },
    {
      name: 'ignores spaces that group the digits',
      raw: `${VALID.slice(0, 6)} ${VALID.slice(6, 14)} ${VALID.slice(14)}`,
    },
    {
      name: 'reads full-width digits typed with a Chinese input method',
      raw: VALID.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
    },
  ];
  it.each(normalizingCases)('$name', ({ raw }) => {
    const result = parseIdNumber(raw, TODAY);
    expect(result.ok && result.value.idNumber).toBe(VALID);
  });

  const dateCases = [
    { name: 'a birth on leap day 2024-02-29 is valid', birth: '20240229', today: '2024-03-01' },
    { name: 'a birth on the same day as today is valid', birth: '20240615', today: '2024-06-15' },
    { name: 'a birth on 1900-01-01 is valid', birth: '19000101', today: TODAY },
  ];
  it.each(dateCases)('$name', ({ birth, today }) => {
    expect(parseIdNumber(syntheticId('350583', birth, '456'), today).ok).toBe(true);
  });

  const regionCases = [
    { name: 'a 港澳居民居住证 number for Hong Kong starts with 810000', region: '810000', province: '香港特别行政区' },
    { name: 'a 港澳居民居住证 number for Macao starts with 820000', region: '820000', province: '澳门特别行政区' },
    { name: 'a 台湾居民居住证 number starts with 830000', region: '830000', province: '台湾省' },
    { name: 'a Beijing district code names 北京市', region: '110105', province: '北京市' },
    { name: 'an Anhui county code names 安徽省', region: '341323', province: '安徽省' },
    { name: 'a city-level code with county part 00 is plausible', region: '350500', province: '福建省' },
  ];
  it.each(regionCases)('$name', ({ region, province }) => {
    const result = parseIdNumber(syntheticId(region, '19850720', '321'), TODAY);
    expect(result.ok && result.value.province).toBe(province);
  });
});

describe('parseIdNumber rejects an invalid number and says what is wrong', () => {
  const failures = [
    { name: 'an empty input asks for the number', raw: '   ', message: '请输入身份证号码' },
    {
      name: 'a 17-character number names its length',
      raw: VALID.slice(0, 17),
      message: '身份证号码应为18位，您输入了17位',
    },
    { name: 'a 19-character number names its length', raw: `${VALID}1`, message: '身份证号码应为18位，您输入了19位' },
    {
      name: 'an old 15-digit number asks for the 18-digit one',
      raw: '350583800101123',
      message: '这是15位旧身份证号码，请使用18位身份证号码',
    },
    {
      name: 'a letter among the first 17 characters names its position',
      raw: `3505A3${VALID.slice(6)}`,
      message: '身份证号码第5位应为数字',
    },
    {
      name: 'a last character other than a digit or X is rejected',
      raw: `${VALID.slice(0, 17)}Y`,
      message: '身份证号码最后一位应为数字或X',
    },
    {
      name: 'an unknown province code is rejected with the region part',
      raw: syntheticId('990101', '20000101', '123'),
      message: '身份证号码开头的地区代码 990101 无效',
    },
    {
      name: 'a city part of 00 with a county part is rejected',
      raw: syntheticId('350012', '20000101', '123'),
      message: '身份证号码开头的地区代码 350012 无效',
    },
    {
      name: 'a region code of all zeros is rejected',
      raw: syntheticId('000000', '20000101', '123'),
      message: '身份证号码开头的地区代码 000000 无效',
    },
    {
      name: '30 February is not a real date',
      raw: syntheticId('350583', '20230230', '123'),
      message: '身份证号码中的出生日期 2023-02-30 不是有效日期',
    },
    {
      name: '29 February in a common year is not a real date',
      raw: syntheticId('350583', '20230229', '123'),
      message: '身份证号码中的出生日期 2023-02-29 不是有效日期',
    },
    {
      name: 'a thirteenth month is not a real date',
      raw: syntheticId('350583', '20001301', '123'),
      message: '身份证号码中的出生日期 2000-13-01 不是有效日期',
    },
    {
      name: 'a birth before 1900 is rejected',
      raw: syntheticId('350583', '18991231', '123'),
      message: '身份证号码中的出生日期 1899-12-31 早于1900年，不是有效日期',
    },
    {
      name: 'a birth tomorrow is rejected',
      raw: syntheticId('350583', '20240616', '123'),
      message: '身份证号码中的出生日期晚于今天',
    },
    {
      name: 'a wrong check digit is rejected',
      raw: withWrongCheckDigit(VALID),
      message: '身份证号码校验位不正确，请核对最后一位，并逐位检查是否输错',
    },
  ];

  it.each(failures)('$name', ({ raw, message }) => {
    expect(parseIdNumber(raw, TODAY)).toEqual({ ok: false, code: 'INVALID_ID_NUMBER', message });
  });

  it('never quotes the whole number in a message', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9xX]{15,19}$/), (raw) => {
        const result = parseIdNumber(raw, TODAY);
        if (!result.ok) expect(result.message).not.toContain(raw.toUpperCase().slice(0, 15));
      }),
    );
  });

  it('refuses a today that is not a real date, because that is a caller bug', () => {
    expect(() => parseIdNumber(VALID, '2024-02-30')).toThrow(RangeError);
  });
});

describe('computeCheckDigit and isValidIdChecksum', () => {
  it('give X for the sample number printed in GB 11643-1999', () => {
    expect(computeCheckDigit('11010519491231002')).toBe('X');
    expect(isValidIdChecksum('11010519491231002X')).toBe(true);
  });

  const checksumCases = [
    { name: 'a synthetic number with its own check digit passes', id: VALID, valid: true },
    { name: 'a lowercase x check digit passes', id: idEndingInX('350583', '19900315').toLowerCase(), valid: true },
    { name: 'a changed check digit fails', id: withWrongCheckDigit(VALID), valid: false },
    { name: 'two swapped neighbouring digits fail', id: swapSequenceDigits(VALID), valid: false },
    { name: 'a 17-character input fails', id: VALID.slice(0, 17), valid: false },
    { name: 'an X in the middle fails', id: `35058X${VALID.slice(6)}`, valid: false },
  ];
  it.each(checksumCases)('$name', ({ id, valid }) => {
    expect(isValidIdChecksum(id)).toBe(valid);
  });

  it('refuses to compute a check digit for anything but 17 digits', () => {
    expect(() => computeCheckDigit('1234567890123456')).toThrow(RangeError);
    expect(() => computeCheckDigit('1101051949123100X')).toThrow(RangeError);
  });

  it('makes every synthetic 17-digit prefix pass the checksum', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        expect(isValidIdChecksum(first17 + computeCheckDigit(first17))).toBe(true);
      }),
    );
  });
});

describe('maskIdNumber', () => {
  const maskCases = [
    {
      name: 'an 18-character number shows its first 3 and last 4 characters',
      raw: '350583200001011234',
      masked: '350***********1234',
    },
    { name: 'a lowercase x is shown as X', raw: '35058320000101123x', masked: '350***********123X' },
    {
      name: 'surrounding spaces are dropped before masking',
      raw: ' 350583200001011234 ',
      masked: '350***********1234',
    },
    { name: 'a 15-digit number shows only its last 4', raw: '350583800101123', masked: '***********1123' },
    { name: 'a 17-digit number shows only its last 4', raw: '35058320000101123', masked: '*************1123' },
    { name: 'a 4-character input shows only half of it', raw: '1234', masked: '**34' },
    { name: 'a single character is fully masked', raw: '7', masked: '*' },
    { name: 'an empty input stays empty', raw: '', masked: '' },
  ];
  it.each(maskCases)('$name', ({ raw, masked }) => {
    expect(maskIdNumber(raw)).toBe(masked);
  });

  it('never reveals more than 7 characters of any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (raw) => {
        const shown = Array.from(maskIdNumber(raw)).filter((ch) => ch !== '*');
        expect(shown.length).toBeLessThanOrEqual(7);
      }),
    );
  });
});
