import type { NewbornOutput } from '../../../shared/contracts/newborn';
import { formatDateCn } from './format';

export type NewbornAnswer = { tone: 'good' | 'bad' | 'info'; headline: string; detail: string };

/**
 * The 90-day answer a parent wants first: how old the baby is, whether today is still within the
 * newborn period, and from which day paying now would cover the baby.
 */
export function newbornAnswer(
  result: Pick<NewbornOutput, 'baby' | 'daysSinceBirth' | 'newbornRule' | 'years'>,
): NewbornAnswer {
  const { baby, daysSinceBirth, newbornRule } = result;
  const age = daysSinceBirth === 0 ? '今天出生' : `已出生 ${daysSinceBirth} 天`;
  const firstOffered = result.years.find((y) => y.offered && y.quote);
  const start = firstOffered?.quote?.coverageStart ?? null;
  const cover =
    start === null
      ? '现在缴费不能享受本年度待遇。'
      : start === baby.birthDate
        ? `现在缴费，自出生之日（${formatDateCn(start)}）起享受待遇。`
        : `现在缴费，自${formatDateCn(start)}起享受待遇。`;

  if (!newbornRule) {
    return {
      tone: 'info',
      headline: `${baby.name}${age}`,
      detail: firstOffered ? cover : '当地政策没有新生儿出生后限期参保的规定。',
    };
  }
  if (newbornRule.withinPeriod) {
    const left = newbornRule.daysLeft === 0 ? '今天是最后一天' : `还有 ${newbornRule.daysLeft} 天`;
    const pay = `最迟${formatDateCn(newbornRule.lastDay)}缴费（${left}）`;
    return {
      tone: 'good',
      headline: `${baby.name}${age}，在出生 ${newbornRule.withinDays} 天内`,
      detail:
        start === baby.birthDate ? `${pay}，自出生之日（${formatDateCn(start)}）起享受待遇。` : `${pay}。${cover}`,
    };
  }
  return {
    tone: 'bad',
    headline: `${baby.name}${age}，已超过出生 ${newbornRule.withinDays} 天`,
    detail: `出生 ${newbornRule.withinDays} 天内缴费的期限已于${formatDateCn(newbornRule.lastDay)}结束。${firstOffered ? cover : ''}`,
  };
}
