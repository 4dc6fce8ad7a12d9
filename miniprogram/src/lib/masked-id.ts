import { maskIdNumber } from '../../../shared/id';

/** A whole 18-character ID number, or a birth-certificate number (one letter + nine digits). */
const WHOLE_DOCUMENT_NUMBER = /\d{17}[\dXx]|^[A-Za-z]\d{9}$/;

/**
 * The backend only ever returns ID numbers masked ('350***********1234'); this is the last guard
 * before the screen, so an unmasked one that slipped through is masked here rather than shown.
 */
export function displayMaskedId(value: string): string {
  return WHOLE_DOCUMENT_NUMBER.test(value) ? maskIdNumber(value) : value;
}

/** What a screen reader says instead of a run of asterisks: "身份证号码 350 开头、1234 结尾". */
export function spokenMaskedId(masked: string, what = '证件号码'): string {
  const match = /^([^*]*)\*+([^*]*)$/.exec(displayMaskedId(masked));
  if (!match) return `${what}（已隐藏）`;
  const [, head = '', tail = ''] = match;
  if (head && tail) return `${what}${head}开头、${tail}结尾`;
  if (tail) return `${what}以${tail}结尾`;
  return `${what}（已隐藏）`;
}
