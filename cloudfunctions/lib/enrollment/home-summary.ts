/**
 * 首页: who I am, my locality's policy year and its deadlines as of today, and what I and the relatives
 * who consented still owe this year. Amounts come from the rules engine at today's date, each person
 * under the policy of their own locality.
 */
import { success, type Envelope } from '../../../shared/contracts/envelope';
import type { Deadline, MeOutput, PersonDue } from '../../../shared/contracts/me';
import { formatYuan, quotePerson, toQuoteOutput, toYuan, type Policy } from '../../../shared/rules';
import { daysBetween } from '../../../shared/rules/civil-date';
import { GROUP_LABELS } from '../../../shared/rules/engine/windows';
import type { Storage } from '../storage/port';
import type { Relationship, Resident } from '../storage/records';
import { cite } from './display';
import { eligibilityOf } from './eligibility';
import type { EnrollmentContext } from './household-enrollment';
import { meAndConsentingRelatives } from './identity';
import { residentFacts } from './person-facts';
import { policyFor } from './policy-for';
import { enrollmentsAround, policyRefOf, standingOf } from './standing';

function deadlinesOf(policy: Policy, today: string): Deadline[] {
  const family = new Set(policy.familyPayment?.windowIds ?? []);
  return policy.windows.map((w) => {
    const state = today < w.start ? 'upcoming' : today <= w.end ? 'open' : 'closed';
    return {
      windowId: w.id,
      kind: w.kind,
      label: w.label,
      start: w.start,
      end: w.end,
      acceptsPayment: w.acceptsPayment,
      familyPayment: family.has(w.id),
      onlyFor: (w.openTo ?? []).map((group) => GROUP_LABELS[group]),
      state,
      daysLeft: state === 'open' ? daysBetween(today, w.end) + 1 : null,
      daysUntilStart: state === 'upcoming' ? daysBetween(today, w.start) : null,
      source: w.source,
    };
  });
}

type Due = { entry: PersonDue; dueFen: number };

async function dueFor(storage: Storage, resident: Resident, relationship: Relationship, today: string): Promise<Due> {
  const isSelf = relationship === 'self';
  const base = { residentId: resident.id, relationship, name: resident.name, idMasked: resident.idMasked };
  const found = policyFor(resident.localityCode, today);
  if (!found.ok) {
    const entry: PersonDue = {
      ...base,
      coverageYear: null,
      policyId: null,
      standing: 'noPolicy',
      notice: found.message,
      amountDue: null,
      quote: null,
    };
    return { entry, dueFen: 0 };
  }
  const policy = found.policy;
  const year = policy.coverageYear;
  const where = { coverageYear: year, policyId: policy.id };

  const household = resident.householdId ? await storage.residents.listByHousehold(resident.householdId) : [resident];
  const eligibility = eligibilityOf(policy, resident, household, today, isSelf ? '您' : resident.name);
  if (!eligibility.eligible) {
    const notice = `${eligibility.reason}${cite(eligibility.source)}`;
    return { entry: { ...base, ...where, standing: 'notEligible', notice, amountDue: null, quote: null }, dueFen: 0 };
  }

  const years = await enrollmentsAround(storage.enrollments, resident.id, year);
  const standing = standingOf(policy, years);
  const decision = quotePerson(policy, {
    payDate: today,
    person: await residentFacts(storage.subsidies, resident, policy),
  });
  const owes = (standing === 'registered' || standing === 'renewed') && decision.payable;
  const payToday = decision.payable
    ? `今天缴费${formatYuan(decision.due)}${decision.coverageStart ? `，${decision.coverageStart}起享受待遇` : ''}。`
    : (decision.reason ?? '');

  let notice: string;
  switch (standing) {
    case 'paid': {
      const start = years.thisYear?.coverageStart;
      notice = `已缴纳${year}年度医保费${start ? `，${start}起享受待遇` : ''}。`;
      break;
    }
    case 'renewed':
      notice = `${year - 1}年度已参保，已默认续保，无需重新登记。${payToday}${policy.autoRenewal ? cite(policy.autoRenewal.source) : ''}`;
      break;
    case 'registered':
      notice = `已登记${year}年度，尚未缴费。${payToday}`;
      break;
    default:
      notice = `尚未参加${year}年度城乡居民医保。${decision.payable ? `现在登记缴费需${formatYuan(decision.due)}。` : payToday}`;
  }
  const entry: PersonDue = {
    ...base,
    ...where,
    standing,
    notice,
    amountDue: owes ? toYuan(decision.due) : null,
    quote: toQuoteOutput(decision),
  };
  return { entry, dueFen: owes ? decision.due : 0 };
}

export async function homeSummary(ctx: EnrollmentContext): Promise<Envelope<MeOutput>> {
  const { storage } = ctx;
  const today = ctx.clock.today();
  const { me, people } = await meAndConsentingRelatives(storage, ctx.openid);
  const dues: Due[] = [];
  for (const { resident, relationship } of people) dues.push(await dueFor(storage, resident, relationship, today));

  const mine = me ? policyFor(me.localityCode, today) : null;
  return success({
    today,
    me: me ? { residentId: me.id, name: me.name, idMasked: me.idMasked } : null,
    policy: mine?.ok ? policyRefOf(mine.policy) : null,
    noPolicyReason: mine && !mine.ok ? mine.message : null,
    deadlines: mine?.ok ? deadlinesOf(mine.policy, today) : [],
    people: dues.map((d) => d.entry),
    totalDue: toYuan(dues.reduce((sum, d) => sum + d.dueFen, 0)),
  });
}
