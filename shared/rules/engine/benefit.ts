import { addDays, addMonths, later } from '../civil-date';
import type { BenefitStart, Exemption, Policy, PolicyWindow, StudentRule, Waiting } from '../policy-schema';
import type { Explanation } from '../source';
import type { PersonFacts, Profile, WaitingPeriod } from './types';

export type BenefitAnswer = {
  start: string;
  end: string;
  waitingPeriod: WaitingPeriod | null;
  explanation: Explanation[];
  warnings: string[];
};

/**
 * Waiting per the Civil Code (Art. 201–202): the pay day itself is not counted, so N days cover P+1 … P+N
 * and N months end on P's corresponding day N months later (month end where there is none).
 */
export function waitingAfter(payDate: string, waiting: Waiting): WaitingPeriod {
  const lastDay = waiting.unit === 'day' ? addDays(payDate, waiting.length) : addMonths(payDate, waiting.length);
  return { unit: waiting.unit, length: waiting.length, lastDay };
}

export function describeWaiting(waiting: Waiting): string {
  return waiting.unit === 'day' ? `${waiting.length}天` : `${waiting.length}个月`;
}

function findExemption(policy: Policy, profile: Profile): Exemption | undefined {
  return policy.waitingExemptions.find((e) => profile.groups.has(e.group));
}

function studentRule(
  policy: Policy,
  person: PersonFacts,
  payDate: string,
  warnings: string[],
): StudentRule | undefined {
  if (!person.student) return undefined;
  const rules = policy.students.filter(
    (r) => r.student === person.student && r.paidFrom <= payDate && payDate <= r.paidTo,
  );
  const matching =
    rules.find((r) => person.studentLevel !== undefined && r.levels.includes(person.studentLevel)) ??
    rules.find((r) => r.levels.length === 2);
  if (!matching && rules.length > 0 && person.studentLevel === undefined) {
    warnings.push('学生参保规定区分学段，未说明是高校还是中小学，按一般居民计算。');
  }
  return matching;
}

/** Benefit start under a window's own rule, with waiting exemptions applied. */
function underWindow(
  policy: Policy,
  window: PolicyWindow,
  profile: Profile,
  payDate: string,
  rule: BenefitStart,
  source: Explanation['source'],
): BenefitAnswer {
  const end = policy.coverage.end;
  switch (rule.kind) {
    case 'coverageYearStart':
      return {
        start: policy.coverage.start,
        end,
        waitingPeriod: null,
        warnings: [],
        explanation: [{ text: `在${window.label}缴费，自${policy.coverage.start}起享受待遇。`, source }],
      };
    case 'payDate':
      return {
        start: payDate,
        end,
        waitingPeriod: null,
        warnings: [],
        explanation: [{ text: `在${window.label}缴费，不设等待期，从缴费之日（${payDate}）起享受待遇。`, source }],
      };
    case 'dayAfterPayDate': {
      const start = addDays(payDate, 1);
      return {
        start,
        end,
        waitingPeriod: null,
        warnings: [],
        explanation: [{ text: `${window.label}：自参保缴费次日（${start}）起享受待遇。`, source }],
      };
    }
    case 'afterWaiting': {
      const exemption = findExemption(policy, profile);
      if (exemption) {
        const who = exemptionLabel(exemption);
        const warnings = exemption.deferredTo
          ? [
              `${who}的待遇规定按${exemption.deferredTo}执行，本结果按不设等待期、从缴费之日起计算，请以医保经办机构核定为准。`,
            ]
          : [];
        return {
          start: payDate,
          end,
          waitingPeriod: null,
          warnings,
          explanation: [
            { text: `${window.label}一般设${describeWaiting(rule.waiting)}等待期。`, source },
            { text: `${who}不设等待期，从缴费之日（${payDate}）起享受待遇。`, source: exemption.source },
          ],
        };
      }
      const waitingPeriod = waitingAfter(payDate, rule.waiting);
      const start = addDays(waitingPeriod.lastDay, 1);
      return {
        start,
        end,
        waitingPeriod,
        warnings: [],
        explanation: [
          {
            text: `在${window.label}缴费，等待期${describeWaiting(rule.waiting)}（缴费次日起算，至${waitingPeriod.lastDay}止），自${start}起享受待遇。`,
            source,
          },
        ],
      };
    }
  }
}

const EXEMPTION_LABELS: Record<string, string> = {
  newborn: '新生儿',
  newStudent: '入学新生',
  employeeTransfer: '职工医保转居民医保人员',
  hardship: '困难人口（医疗救助对象）',
};

function exemptionLabel(exemption: Exemption): string {
  return EXEMPTION_LABELS[exemption.group] ?? exemption.group;
}

/**
 * When benefits start and end for a payment in `window`. Newborn and student clauses take precedence over
 * the window's own rule because the documents write them as the specific rule for those residents.
 */
export function benefitFor(
  policy: Policy,
  window: PolicyWindow,
  person: PersonFacts,
  profile: Profile,
  payDate: string,
): BenefitAnswer {
  const newborn = policy.newborn;
  if (newborn && profile.birthDate && profile.groups.has('newbornWithin90Days')) {
    const start = later(profile.birthDate, policy.coverage.start);
    return {
      start,
      end: policy.coverage.end,
      waitingPeriod: null,
      warnings: [],
      explanation: [
        {
          text: `新生儿出生${newborn.withinDays}日（含）内（${profile.birthDate}出生，最迟${addDays(profile.birthDate, newborn.withinDays)}）缴费，从出生之日起享受当年待遇${start !== profile.birthDate ? `（本年度自${start}起）` : ''}。`,
          source: newborn.source,
        },
      ],
    };
  }
  if (newborn?.after === 'payDate' && profile.groups.has('newborn') && payDate >= policy.coverage.start) {
    return {
      start: payDate,
      end: policy.coverage.end,
      waitingPeriod: null,
      warnings: [],
      explanation: [
        {
          text: `新生儿出生超过${newborn.withinDays}日后缴费，按个人缴费标准缴费，从缴费之日（${payDate}）起享受当年待遇。`,
          source: newborn.source,
        },
      ],
    };
  }

  const warnings: string[] = [];
  const rule = studentRule(policy, person, payDate, warnings);
  if (rule) {
    const end = rule.coverageEnd ?? policy.coverage.end;
    const who = rule.student === 'new' ? '入学新生' : '在校学生';
    if (rule.benefitStart.kind === 'afterWaiting') {
      const answer = underWindow(policy, window, profile, payDate, rule.benefitStart, rule.source);
      answer.end = end;
      answer.warnings = warnings.concat(answer.warnings);
      return answer;
    }
    const start = rule.benefitStart.kind === 'fixed' ? rule.benefitStart.date : payDate;
    return {
      start,
      end,
      waitingPeriod: null,
      warnings,
      explanation: [
        {
          text: `${who}在${rule.paidFrom}至${rule.paidTo}期间缴费，保障期限自${start}至${end}。`,
          source: rule.source,
        },
      ],
    };
  }

  const answer = underWindow(policy, window, profile, payDate, window.benefitStart, window.source);
  if (warnings.length > 0) answer.warnings = warnings.concat(answer.warnings);
  return answer;
}
