import type { Quote } from '../../../shared/contracts/quote';
import { formatDateCn } from './format';

/** "3 个月（至2025年6月4日）", "90 天（至…）", or "无等待期": the value of a 等待期 row. */
export function waitingPeriodText(waitingPeriod: Quote['waitingPeriod']): string {
  if (!waitingPeriod) return '无等待期';
  const length = waitingPeriod.unit === 'month' ? `${waitingPeriod.length} 个月` : `${waitingPeriod.length} 天`;
  return `${length}（至${formatDateCn(waitingPeriod.lastDay)}）`;
}

/** When cover starts, or that this payment buys none in the year. */
export function coverageStartText(quote: Pick<Quote, 'coverageStart' | 'coverageYear'>): string {
  return quote.coverageStart ? `${formatDateCn(quote.coverageStart)}起` : `${quote.coverageYear}年度不享受待遇`;
}
