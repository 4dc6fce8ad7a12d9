/**
 * How money and dates read on screen: yuan with two decimals ("¥380.00"), dates the way a Chinese
 * form writes them ("2025年3月1日"). Contracts carry yuan and ISO dates; nothing here does arithmetic
 * on money beyond rounding to the fen for display.
 */
import { parseIsoDate } from '../../../shared/rules/civil-date';

/** "¥1,234.50". Rounded to the fen, so 0.1 + 0.2 still shows "¥0.30". */
export function formatYuan(yuan: number): string {
  const fen = Math.round(yuan * 100);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** "2025年3月1日"; anything that is not a real 'YYYY-MM-DD' date is shown as given. */
export function formatDateCn(iso: string): string {
  const parts = parseIsoDate(iso);
  if (!parts) return iso;
  return `${parts.year}年${parts.month}月${parts.day}日`;
}

/** "2025年1月1日至2025年12月31日". */
export function formatDateRangeCn(start: string, end: string): string {
  return `${formatDateCn(start)}至${formatDateCn(end)}`;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** An instant (ISO timestamp) as Beijing time: "2024年11月15日 10:05". */
export function formatDateTimeCn(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const local = new Date(ms + SHANGHAI_OFFSET_MS).toISOString();
  const time = local.slice(11, 16);
  return `${formatDateCn(local.slice(0, 10))} ${time}`;
}

/** Today's date in Asia/Shanghai for an instant, whatever zone the phone is set to. */
export function shanghaiDate(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
