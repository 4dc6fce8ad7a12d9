import type { PersonDue } from '../../../shared/contracts/me';
import type { YearStatus } from '../../../shared/contracts/benefits';
import { formatDateCn } from './format';

/** A short badge for where a person stands this year (首页). */
export function standingLabel(standing: PersonDue['standing']): string {
  switch (standing) {
    case 'paid':
      return '已缴费';
    case 'registered':
      return '已登记，未缴费';
    case 'renewed':
      return '已默认续保，待缴费';
    case 'none':
      return '未参保';
    case 'notEligible':
      return '不在居民医保参保范围';
    case 'noPolicy':
      return '暂无可办理的年度';
  }
}

/** Whether the badge should draw the eye: something is still to do. */
export function standingNeedsAction(standing: PersonDue['standing']): boolean {
  return standing === 'registered' || standing === 'renewed' || standing === 'none';
}

/** A year's status in 待遇查询, in plain words. */
export function yearStatusLabel(
  year: Pick<YearStatus, 'status' | 'coveredToday' | 'coverageStart' | 'waitingDaysLeft'>,
): string {
  if (year.status === 'registered') return '已登记，未缴费';
  if (year.coverageStart === null) return '已缴费，本年度不享受待遇';
  if (year.coveredToday) return '已缴费，正在享受待遇';
  if (year.waitingDaysLeft !== null && year.waitingDaysLeft > 0)
    return `已缴费，${formatDateCn(year.coverageStart)}起享受待遇`;
  return '已缴费，本年度待遇期已结束';
}
