import type { Group, Policy, PolicyWindow } from '../policy-schema';

export const GROUP_LABELS: Record<Group, string> = {
  newborn: '新生儿',
  newbornWithin90Days: '出生90日内的新生儿',
  newStudent: '入学新生',
  enrolledStudent: '在校学生',
  employeeTransfer: '职工医保转居民医保人员',
  employeeTransferLate: '职工医保中断超过3个月的人员',
  hardship: '困难人口（医疗救助对象）',
  migrantWorker: '外出务工春节返乡的农民工',
  lateEnrollment: '文件规定可补办参保的特殊人群',
  newAssistanceRecipient: '动态新增的救助对象',
};

function isOpenTo(window: PolicyWindow, groups: ReadonlySet<Group>): boolean {
  return !window.openTo || window.openTo.some((group) => groups.has(group));
}

/** Payment windows that take this person's payment on this date. */
export function openWindows(policy: Policy, payDate: string, groups: ReadonlySet<Group>): PolicyWindow[] {
  return policy.windows.filter(
    (w) => w.acceptsPayment && w.start <= payDate && payDate <= w.end && isOpenTo(w, groups),
  );
}

/** A plain reason for a resident whose payment no window takes, naming the window that matters. */
export function closedReason(
  policy: Policy,
  payDate: string,
  groups: ReadonlySet<Group>,
): { text: string; window?: PolicyWindow } {
  const payment = policy.windows.filter((w) => w.acceptsPayment);
  const forEveryone = payment.filter((w) => !w.openTo);
  const first = [...payment].sort((a, b) => a.start.localeCompare(b.start))[0];
  const lastGeneral = [...forEveryone].sort((a, b) => b.end.localeCompare(a.end))[0];

  const registration = policy.windows.find((w) => !w.acceptsPayment && w.start <= payDate && payDate <= w.end);
  if (registration && first && payDate < first.start) {
    return {
      text: `${payDate}处于${registration.label}，只办理参保登记；${first.label}自${first.start}开始缴费。`,
      window: registration,
    };
  }
  if (first && payDate < first.start) {
    return { text: `${policy.coverageYear}年度缴费尚未开始，${first.label}自${first.start}开始。`, window: first };
  }
  if (groups.has('newborn') && !groups.has('newbornWithin90Days') && policy.newborn?.after === 'notProvided') {
    return {
      text: `新生儿须在出生${policy.newborn.withinDays}日内办理参保，本文件未规定超过${policy.newborn.withinDays}日后的补办途径，请咨询当地医保经办机构。`,
    };
  }
  const restricted = payment.filter((w) => w.openTo && w.start <= payDate && payDate <= w.end);
  if (lastGeneral && payDate > lastGeneral.end && restricted.length > 0) {
    const who = [...new Set(restricted.flatMap((w) => w.openTo ?? []))].map((g) => GROUP_LABELS[g]).join('、');
    return {
      text: `${lastGeneral.label}已于${lastGeneral.end}结束，此后仅限${who}办理参保缴费。`,
      window: restricted[0],
    };
  }
  if (lastGeneral && payDate > lastGeneral.end) {
    return {
      text: `${policy.coverageYear}年度缴费已于${lastGeneral.end}截止（${lastGeneral.label}）。`,
      window: lastGeneral,
    };
  }
  return { text: `${payDate}不在${policy.coverageYear}年度的任何缴费期内。` };
}
