/**
 * Calendar dates as ISO strings ('YYYY-MM-DD') with Civil Code period arithmetic (民法典 第二百零一条至
 * 第二百零三条). Kept free of time zones and clocks: a date here is a day on the calendar, nothing more.
 * Plain integer arithmetic instead of a date library because the engine quotes a county's whole roll at once.
 */

export type IsoDate = string;

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const PAD2 = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

/** Parses 'YYYY-MM-DD' into its parts, or null when it is not a real calendar day. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return null;
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

function must(text: IsoDate): { year: number; month: number; day: number } {
  const parts = parseIsoDate(text);
  if (!parts) throw new RangeError(`不是有效日期：${text}`);
  return parts;
}

function format(year: number, month: number, day: number): IsoDate {
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${PAD2[month]}-${PAD2[day]}`;
}

/** Days since 1970-01-01 by integer arithmetic (proleptic Gregorian; no Date objects, no time zones). */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = must(date);
  const y = year - 1;
  const daysBeforeYear = y * 365 + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
  const leapDay = month > 2 && isLeap(year) ? 1 : 0;
  return daysBeforeYear + (DAYS_BEFORE_MONTH[month - 1] ?? 0) + leapDay + day - 719_163;
}

/** Inverse of dayNumber (H. Hinnant's civil_from_days). */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return format(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * The corresponding day N months later; where that month has no such day, its last day
 * (民法典 第二百零二条：到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = must(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return format(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO dates compare correctly as strings once validated. */
export function isOnOrBefore(a: IsoDate, b: IsoDate): boolean {
  return a <= b;
}

export function isWithin(date: IsoDate, start: IsoDate, end: IsoDate): boolean {
  return start <= date && date <= end;
}

/** Whole years of age on `on`: a person born on B reaches N on B + N years (29 Feb → 28 Feb). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const birth = must(birthDate);
  const day = must(on);
  let age = day.year - birth.year;
  if (addYears(birthDate, age) > on) age -= 1;
  return age;
}

/** Latest of two dates. */
export function later(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
