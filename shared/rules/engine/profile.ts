import { addDays, addMonths, addYears, ageOn } from '../civil-date';
import type { Category, CategoryCondition, Policy } from '../policy-schema';
import type { Explanation } from '../source';
import type { PersonFacts, Profile } from './types';

/** Whether a category's own condition (age, birth date) holds on the pay date. */
export function meetsCondition(condition: CategoryCondition | undefined, birthDate: string | undefined, on: string) {
  if (!condition) return true;
  if (!birthDate) return false;
  switch (condition.kind) {
    case 'ageAtLeast':
      return ageOn(birthDate, on) >= condition.years;
    case 'ageBelow':
      return ageOn(birthDate, on) < condition.years;
    case 'bornBefore':
      return birthDate < condition.date;
  }
}

export function describeCondition(condition: CategoryCondition): string {
  switch (condition.kind) {
    case 'ageAtLeast':
      return `年满${condition.years}周岁`;
    case 'ageBelow':
      return `未满${condition.years}周岁`;
    case 'bornBefore':
      return `${condition.date}前出生`;
  }
}

/**
 * Sorts a person into the groups this policy's rules name, from the person's facts and this policy's own
 * conditions. Categories whose condition fails are dropped with a warning rather than silently applied.
 */
export function profilePerson(
  policy: Policy,
  person: PersonFacts,
  payDate: string,
  explanation: Explanation[],
  warnings: string[],
): { profile: Profile; categories: Category[] } {
  const groups: Profile['groups'] = new Set();
  const birthDate = person.birthDate;

  if (birthDate && payDate < addYears(birthDate, 1)) {
    groups.add('newborn');
    const withinDays = policy.newborn?.withinDays ?? 90;
    if (payDate <= addDays(birthDate, withinDays)) groups.add('newbornWithin90Days');
  }

  if (person.student === 'new') groups.add('newStudent');
  if (person.student === 'enrolled') groups.add('enrolledStudent');
  if (person.migrantWorker) groups.add('migrantWorker');

  const transfer = policy.employeeTransfer;
  const endedOn = person.employeeInsuranceEndedOn;
  if (transfer && endedOn) {
    if (endedOn > payDate) {
      warnings.push('职工医保停保日期晚于缴费日期，未按职工医保转居民医保人员计算。');
    } else {
      const yearsOk = transfer.minYears === undefined || (person.employeeInsuranceYears ?? 0) >= transfer.minYears;
      const gapOk = transfer.maxGapMonths === undefined || payDate <= addMonths(endedOn, transfer.maxGapMonths);
      if (yearsOk && gapOk) {
        groups.add('employeeTransfer');
        explanation.push({
          text: transfer.maxGapMonths
            ? `职工医保于${endedOn}停保，缴费日在停保后${transfer.maxGapMonths}个月（含）内，按职工医保转居民医保人员办理。`
            : `职工医保于${endedOn}停保，按职工医保转居民医保人员办理。`,
          source: transfer.source,
        });
        if (transfer.deferredTo) {
          warnings.push(`职工医保转居民医保的具体条件按${transfer.deferredTo}执行，请以医保经办机构认定为准。`);
        }
      } else if (yearsOk && transfer.minYears !== undefined) {
        groups.add('employeeTransferLate');
      } else if (!yearsOk && transfer.minYears !== undefined) {
        warnings.push(
          person.employeeInsuranceYears === undefined
            ? `未填写职工医保连续参保年限：须连续参保满${transfer.minYears}年（不含补缴）才适用职工医保中断人员补办参保的规定。`
            : `职工医保连续参保不足${transfer.minYears}年，不适用职工医保中断人员补办参保的规定。`,
        );
      }
    }
  }

  const categories: Category[] = [];
  for (const id of person.categories ?? []) {
    const category = policy.categories.find((c) => c.id === id);
    if (!category) continue;
    if (!meetsCondition(category.condition, birthDate, payDate)) {
      const why = category.condition ? describeCondition(category.condition) : '';
      warnings.push(
        birthDate
          ? `“${category.label}”须${why}，按缴费日计算不符合，未计入资助。`
          : `“${category.label}”须${why}，未提供出生日期，未计入资助。`,
      );
      continue;
    }
    categories.push(category);
    for (const group of category.groups ?? []) groups.add(group);
  }

  return { profile: { groups, ...(birthDate ? { birthDate } : {}) }, categories };
}
