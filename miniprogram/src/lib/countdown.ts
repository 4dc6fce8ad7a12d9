/**
 * Counting days the way the policies and the `me` function do (民法典 第二百零一条: the start day is not
 * counted): days until a date are `daysBetween(today, date)`; the days left in an open window count
 * today too, so on its last day one day is left.
 */
import { daysBetween } from '../../../shared/rules/civil-date';
import { formatDateCn } from './format';

/** Whole days from `today` to `date`; negative once `date` has passed. */
export function daysUntil(today: string, date: string): number {
  return daysBetween(today, date);
}

export type WindowCountdown =
  | { phase: 'upcoming'; days: number; text: string }
  | { phase: 'open'; days: number; text: string }
  | { phase: 'closed'; days: 0; text: string };

/**
 * A payment window [start, end] seen from today: "5 天后开始", "还剩 47 天（含今天）", "今天是最后一天",
 * "已于…截止". `days` is what the `me` function reports as `daysUntilStart` / `daysLeft`.
 */
export function windowCountdown(today: string, start: string, end: string): WindowCountdown {
  if (today < start) {
    const days = daysUntil(today, start);
    return { phase: 'upcoming', days, text: `${days} 天后开始（${formatDateCn(start)}）` };
  }
  if (today <= end) {
    const days = daysUntil(today, end) + 1;
    const text = days === 1 ? '今天是最后一天' : `还剩 ${days} 天（含今天，截至${formatDateCn(end)}）`;
    return { phase: 'open', days, text };
  }
  return { phase: 'closed', days: 0, text: `已于${formatDateCn(end)}截止` };
}

/**
 * Cover that starts on `coverageStart`, seen from today: the days still to wait (as the benefits
 * function counts them, today to the start day) or that cover has begun.
 */
export function waitingCountdown(
  today: string,
  coverageStart: string,
): { waiting: boolean; daysLeft: number; text: string } {
  const left = daysUntil(today, coverageStart);
  if (left > 0)
    return { waiting: true, daysLeft: left, text: `还需等待 ${left} 天，${formatDateCn(coverageStart)}起享受待遇` };
  return {
    waiting: false,
    daysLeft: 0,
    text: left === 0 ? '今天起享受待遇' : `已于${formatDateCn(coverageStart)}起享受待遇`,
  };
}
