/**
 * 待遇查询: when cover starts and ends for the caller and the relatives who consented, year by year.
 *
 * The enrollment rows are the record (what `pay` wrote: paid on, cover start); the explanation is
 * recomputed by the rules engine for the recorded pay date, so the clauses shown are the ones that
 * decided. Only confirmed bindings count (family/consent's rule): a pending or revoked binding shows
 * nothing, not even that the relative exists.
 */
import type { BenefitsInput, BenefitsOutput, PersonBenefits, YearStatus } from '../../../shared/contracts/benefits';
import { success, type Envelope } from '../../../shared/contracts/envelope';
import { getPolicy, quotePerson, toQuoteOutput, toYuan } from '../../../shared/rules';
import { daysBetween } from '../../../shared/rules/civil-date';
import type { Storage } from '../storage/port';
import type { Enrollment, Relationship, Resident } from '../storage/records';
import type { EnrollmentContext } from './household-enrollment';
import { meAndConsentingRelatives } from './identity';
import { residentFacts } from './person-facts';

/** Yuan paid for this person and year by the order that paid the enrollment. */
async function amountPaid(storage: Storage, enrollment: Enrollment): Promise<number | null> {
  if (enrollment.status !== 'paid' || enrollment.orderNo === null) return null;
  const order = await storage.orders.get(enrollment.orderNo);
  const item = order?.items.find(
    (i) => i.residentId === enrollment.residentId && i.coverageYear === enrollment.coverageYear,
  );
  return item ? toYuan(item.amountFen) : null;
}

function summaryOf(e: Enrollment, today: string): string {
  const year = e.coverageYear;
  if (e.status === 'registered') return `已登记${year}年度城乡居民医保，尚未缴费，缴费后才能享受待遇。`;
  if (e.coverageStart === null) {
    return `${year}年度已于${e.paidOn ?? '—'}缴费，但缴费时间晚于可享受当年待遇的期限，本年度不能享受待遇。`;
  }
  if (today < e.coverageStart) {
    return `${year}年度已缴费，${e.coverageStart}起享受待遇，还需等待${daysBetween(today, e.coverageStart)}天。`;
  }
  if (today <= e.coverageEnd) return `${year}年度已缴费，正在享受待遇（${e.coverageStart}至${e.coverageEnd}）。`;
  return `${year}年度已缴费，保障期（${e.coverageStart}至${e.coverageEnd}）已结束。`;
}

async function yearStatusOf(storage: Storage, resident: Resident, e: Enrollment, today: string): Promise<YearStatus> {
  const policy = getPolicy(e.policyId);
  const facts = policy ? await residentFacts(storage.subsidies, resident, policy) : null;
  const paidDecision =
    policy && facts && e.status === 'paid' && e.paidOn
      ? quotePerson(policy, { payDate: e.paidOn, person: facts })
      : null;
  const todayDecision =
    policy && facts && e.status === 'registered' ? quotePerson(policy, { payDate: today, person: facts }) : null;
  const start = e.status === 'paid' ? e.coverageStart : null;
  return {
    coverageYear: e.coverageYear,
    policyId: e.policyId,
    policyName: policy?.name ?? null,
    status: e.status,
    registeredOn: e.registeredOn,
    paidOn: e.paidOn,
    amount: await amountPaid(storage, e),
    coverageStart: start,
    coverageEnd: e.coverageEnd,
    coveredToday: start !== null && start <= today && today <= e.coverageEnd,
    waitingDaysLeft: start !== null ? Math.max(0, daysBetween(today, start)) : null,
    summary: summaryOf(e, today),
    explanation: paidDecision?.explanation ?? [],
    warnings: paidDecision?.warnings ?? [],
    todayQuote: todayDecision ? toQuoteOutput(todayDecision) : null,
  };
}

async function personBenefits(
  storage: Storage,
  resident: Resident,
  relationship: Relationship,
  year: number | undefined,
  today: string,
): Promise<PersonBenefits> {
  const enrollments = (await storage.enrollments.listByResident(resident.id)).filter(
    (e) => year === undefined || e.coverageYear === year,
  );
  const years: YearStatus[] = [];
  for (const e of enrollments) years.push(await yearStatusOf(storage, resident, e, today));
  return { residentId: resident.id, relationship, name: resident.name, idMasked: resident.idMasked, years };
}

export async function benefitsOf(ctx: EnrollmentContext, request: BenefitsInput): Promise<Envelope<BenefitsOutput>> {
  const { storage } = ctx;
  const today = ctx.clock.today();
  const { me, people: consenting } = await meAndConsentingRelatives(storage, ctx.openid);
  const people: PersonBenefits[] = [];
  for (const { resident, relationship } of consenting) {
    people.push(await personBenefits(storage, resident, relationship, request.year, today));
  }
  return success({ today, year: request.year ?? null, identified: me !== null, people });
}
