/**
 * Resident ID numbers (公民身份号码, GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit
 * sequence (odd = male), 1 check digit (ISO 7064 MOD 11-2). Also covers the numbers on 港澳台居民居住证,
 * which use the same layout with region codes 810000 / 820000 / 830000.
 * An ID number is sensitive personal information (PIPL Art. 28): no message here ever quotes it whole.
 */
import { isIsoDate } from '../rules/civil-date';

export type IdNumberInfo = {
  /** Normalized: 18 characters, check digit X in upper case. */
  idNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'male' | 'female';
  /** 6 digits */
  regionCode: string;
  /** Chinese name of the province-level division. */
  province: string;
};

export type IdNumberResult =
  { ok: true; value: IdNumberInfo } | { ok: false; code: 'INVALID_ID_NUMBER'; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_DIGITS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Province-level codes of GB/T 2260, plus 83 which only 台湾居民居住证 numbers use. */
const PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
  '83': '台湾省',
};

/**
 * What people actually type: surrounding or grouping spaces, full-width digits from a Chinese input
 * method (NFKC folds them to ASCII), a lower-case x.
 */
function normalize(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

export function computeCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('计算校验位需要17位数字');
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17.charAt(i)), 0);
  return CHECK_DIGITS.charAt(sum % 11);
}

/** True when the 18th character is the check digit of the first 17 (a lower-case x counts as X). */
export function isValidIdChecksum(id17plus1: string): boolean {
  const id = id17plus1.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  return computeCheckDigit(id.slice(0, 17)) === id.charAt(17);
}

/**
 * '350***********1234' for an 18-character number. Anything else is masked except at most its last
 * 4 characters, and never more than half of it, so a short or mistyped input reveals no more than a
 * valid number would.
 */
export function maskIdNumber(idNumber: string): string {
  const chars = Array.from(normalize(idNumber));
  if (chars.length === 18) return `${chars.slice(0, 3).join('')}${'*'.repeat(11)}${chars.slice(14).join('')}`;
  const visible = Math.min(4, Math.floor(chars.length / 2));
  return '*'.repeat(chars.length - visible) + chars.slice(chars.length - visible).join('');
}

function invalid(message: string): IdNumberResult {
  return { ok: false, code: 'INVALID_ID_NUMBER', message };
}

/**
 * The province of a plausible region code, or null. A city part of 00 under a real county part does not
 * exist (e.g. 350012); 810000-style codes of the residence permits do.
 */
function provinceOf(regionCode: string): string | null {
  const province = PROVINCES[regionCode.slice(0, 2)];
  if (province === undefined) return null;
  if (regionCode.slice(2, 4) === '00' && regionCode.slice(4, 6) !== '00') return null;
  return province;
}

function checkCharacters(chars: readonly string[]): string | null {
  for (let i = 0; i < 17; i += 1) {
    if (!isDigit(chars[i] ?? '')) return `身份证号码第${i + 1}位应为数字`;
  }
  const last = chars[17] ?? '';
  if (!isDigit(last) && last !== 'X') return '身份证号码最后一位应为数字或X';
  return null;
}

/**
 * Checks an ID number the way a clerk would, and says in plain Chinese which part is wrong.
 * `today` (YYYY-MM-DD) is an argument so the answer never depends on the server clock.
 */
export function parseIdNumber(raw: string, today: string): IdNumberResult {
  if (!isIsoDate(today)) throw new RangeError(`today 应为 YYYY-MM-DD 格式的真实日期：${today}`);

  const id = normalize(raw);
  const chars = Array.from(id);
  if (chars.length === 0) return invalid('请输入身份证号码');
  if (chars.length === 15 && chars.every(isDigit)) {
    return invalid('这是15位旧身份证号码，请使用18位身份证号码');
  }
  if (chars.length !== 18) return invalid(`身份证号码应为18位，您输入了${chars.length}位`);

  const badCharacter = checkCharacters(chars);
  if (badCharacter) return invalid(badCharacter);

  const regionCode = id.slice(0, 6);
  const province = provinceOf(regionCode);
  if (province === null) return invalid(`身份证号码开头的地区代码 ${regionCode} 无效`);

  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birthDate)) return invalid(`身份证号码中的出生日期 ${birthDate} 不是有效日期`);
  if (birthDate < EARLIEST_BIRTH_DATE) return invalid(`身份证号码中的出生日期 ${birthDate} 早于1900年，不是有效日期`);
  if (birthDate > today) return invalid('身份证号码中的出生日期晚于今天');

  if (!isValidIdChecksum(id)) return invalid('身份证号码校验位不正确，请核对最后一位，并逐位检查是否输错');

  return {
    ok: true,
    value: {
      idNumber: id,
      birthDate,
      sex: Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female',
      regionCode,
      province,
    },
  };
}
