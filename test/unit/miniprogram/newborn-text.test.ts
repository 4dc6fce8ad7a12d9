import { describe, expect, it } from 'vitest';
import type { NewbornOutput, NewbornYear } from '../../../shared/contracts/newborn';
import type { Quote } from '../../../shared/contracts/quote';
import { newbornAnswer } from '../../../miniprogram/src/lib/newborn-text';

const source = { document: '泉州台商投资区2025年度工作方案', clause: '四（五）' };
const baby: NewbornOutput['baby'] = {
  residentId: null,
  name: '陈小满',
  sex: 'female',
  birthDate: '2025-02-01',
  identity: 'birthCertificate',
  documentMasked: '******1123',
};

function quote(coverageStart: string | null): Quote {
  return {
    policyId: 'fj-quanzhou-taishang-2025',
    coverageYear: 2025,
    payable: true,
    standardAmount: 400,
    subsidyAmount: 0,
    amountDue: 400,
    coverageStart,
    coverageEnd: '2025-12-31',
    waitingPeriod: null,
    explanation: [],
    warnings: [],
  };
}

function year(coverageStart: string | null): NewbornYear {
  return { coverageYear: 2025, policy: null, offered: true, note: '', quote: quote(coverageStart), enrollment: null };
}

describe('the newborn answer a parent sees first', () => {
  it('on day 60 says the baby is within 90 days and covered from the birth date', () => {
    const answer = newbornAnswer({
      baby,
      daysSinceBirth: 60,
      newbornRule: { withinDays: 90, lastDay: '2025-05-02', withinPeriod: true, daysLeft: 30, source },
      years: [year('2025-02-01')],
    });
    expect(answer).toEqual({
      tone: 'good',
      headline: '陈小满已出生 60 天，在出生 90 天内',
      detail: '最迟2025年5月2日缴费（还有 30 天），自出生之日（2025年2月1日）起享受待遇。',
    });
  });

  it('on day 90 says today is the last day', () => {
    const answer = newbornAnswer({
      baby,
      daysSinceBirth: 90,
      newbornRule: { withinDays: 90, lastDay: '2025-05-02', withinPeriod: true, daysLeft: 0, source },
      years: [year('2025-02-01')],
    });
    expect(answer.detail).toContain('（今天是最后一天）');
  });

  it('on day 91 says the newborn period has passed and from when paying now covers', () => {
    const answer = newbornAnswer({
      baby,
      daysSinceBirth: 91,
      newbornRule: { withinDays: 90, lastDay: '2025-05-02', withinPeriod: false, daysLeft: 0, source },
      years: [year('2025-08-04')],
    });
    expect(answer).toEqual({
      tone: 'bad',
      headline: '陈小满已出生 91 天，已超过出生 90 天',
      detail: '出生 90 天内缴费的期限已于2025年5月2日结束。现在缴费，自2025年8月4日起享受待遇。',
    });
  });

  it('says when paying now buys no cover this year', () => {
    const answer = newbornAnswer({ baby, daysSinceBirth: 5, newbornRule: null, years: [year(null)] });
    expect(answer).toEqual({ tone: 'info', headline: '陈小满已出生 5 天', detail: '现在缴费不能享受本年度待遇。' });
  });
});
