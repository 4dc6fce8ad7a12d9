/**
 * What an order would charge, person by person, at today's date — or why it cannot go ahead. All or
 * nothing: one person who cannot pay stops the whole order, and the refusal names every such person.
 */
import { failure, success, type Envelope } from '../../../shared/contracts/envelope';
import type { PaySource, PersonIn } from '../../../shared/contracts/pay';
import { getPolicy, quotePerson, type Policy, type QuoteDecision } from '../../../shared/rules';
import { cite } from '../enrollment/display';
import { residentFacts } from '../enrollment/person-facts';
import { policyFor, policyForYear } from '../enrollment/policy-for';
import { standingOf } from '../enrollment/standing';
import { isCloseRelative } from '../family/relationships';
import type { Enrollment } from '../storage/records';
import type { OrderingDeps } from './deps';
import { resolvePayees, whoIs, type Payee, type Problem } from './payees';

export type PlannedItem = {
  payee: Payee;
  policy: Policy;
  /** Null: not registered for the year, but renewed by default (默认续保); the order registers them. */
  enrollment: Enrollment | null;
  decision: QuoteDecision;
};

export type Plan = { items: PlannedItem[]; totalFen: number };

type Located =
  { ok: true; policy: Policy; enrollment: Enrollment | null } | { ok: false; code: string; reason: string };

/** The coverage year to pay for (the one open today unless the client named one) and its enrollment. */
async function locate(deps: OrderingDeps, payee: Payee): Promise<Located> {
  const { resident } = payee;
  let policy: Policy;
  if (payee.coverageYear === undefined) {
    const found = policyFor(resident.localityCode, deps.clock.today());
    if (!found.ok) return { ok: false, code: found.code, reason: found.message };
    policy = found.policy;
  } else {
    const found = policyForYear(resident.localityCode, payee.coverageYear);
    if (!found)
      return {
        ok: false,
        code: 'NO_POLICY',
        reason: `当地没有${payee.coverageYear}年度的城乡居民医保政策，请核对参保年度。`,
      };
    policy = found;
  }
  const thisYear = await deps.storage.enrollments.get(resident.id, policy.coverageYear);
  if (thisYear?.status === 'paid') {
    return { ok: false, code: 'ALREADY_PAID', reason: `${policy.coverageYear}年度已缴费，无需重复缴费。` };
  }
  if (thisYear) return { ok: true, policy: getPolicy(thisYear.policyId) ?? policy, enrollment: thisYear };
  const lastYear = await deps.storage.enrollments.get(resident.id, policy.coverageYear - 1);
  if (standingOf(policy, { thisYear: null, lastYear }) === 'renewed') return { ok: true, policy, enrollment: null };
  return {
    ok: false,
    code: 'NOT_REGISTERED',
    reason: `还没有办理${policy.coverageYear}年度参保登记，请先完成参保登记。`,
  };
}

/** 家庭共济 is for close relatives who consented, never for the account holder's own resident premium. */
function familyPaymentProblem(payee: Payee): Omit<Problem, 'who'> | null {
  if (payee.relationship === 'self') {
    return {
      code: 'FAMILY_PAYMENT_NOT_FOR_SELF',
      reason: '职工医保个人账户（家庭共济）只能为家人缴费，不能为本人缴纳城乡居民医保，请改用微信支付。',
    };
  }
  if (!payee.consented) {
    return {
      code: 'NO_CONSENT',
      reason: '用职工医保个人账户代缴，需先绑定这位家人并经本人同意（未满14周岁的孩子由户口簿上的监护人绑定）。',
    };
  }
  if (!isCloseRelative(payee.relationship)) {
    return {
      code: 'NOT_CLOSE_RELATIVE',
      reason: '家庭共济只能为配偶、父母、子女、兄弟姐妹、祖父母或外祖父母、孙子女或外孙子女缴费。',
    };
  }
  return null;
}

function refusalOf(decision: QuoteDecision): string {
  const source = decision.explanation[decision.explanation.length - 1]?.source;
  const reason = decision.reason ?? '今天不能为这个年度缴费。';
  return source ? `${reason}${cite(source)}` : reason;
}

async function planItem(deps: OrderingDeps, payee: Payee, source: PaySource): Promise<Envelope<PlannedItem>> {
  if (payee.resident.inEmployeeInsurance) {
    return failure('IN_EMPLOYEE_INSURANCE', '正在参加职工医保，不能同时缴纳城乡居民医保。');
  }
  if (source === 'employee-account') {
    const problem = familyPaymentProblem(payee);
    if (problem) return failure(problem.code, problem.reason);
  }
  const located = await locate(deps, payee);
  if (!located.ok) return failure(located.code, located.reason);
  const { policy, enrollment } = located;
  const facts = await residentFacts(deps.storage.subsidies, payee.resident, policy);
  const payDate = deps.clock.today();
  const channel = source === 'employee-account' ? 'family' : 'self';
  const decision = quotePerson(policy, { payDate, person: facts, channel });
  if (!decision.payable) {
    const selfWouldDo =
      channel === 'family' && quotePerson(policy, { payDate, person: facts, channel: 'self' }).payable;
    return failure(selfWouldDo ? 'FAMILY_PAYMENT_CLOSED' : 'NOT_PAYABLE', refusalOf(decision));
  }
  if (decision.due === 0) {
    // Nothing to charge: the authority pays the whole personal share (代缴), so a 0-fen item never enters an order.
    return failure('FULLY_SUBSIDISED', '属于全额资助对象，个人无需缴费，由相关部门代缴，请从本次缴费中移除。');
  }
  return success({ payee, policy, enrollment, decision });
}

function problemsMessage(problems: readonly Problem[]): string {
  const lines = problems.map((p) => `${p.who}：${p.reason}`).join('\n');
  return problems.length > 1 ? `本次缴费未能办理，需每个人都符合条件才能一起缴费：\n${lines}` : lines;
}

export async function planOrder(
  deps: OrderingDeps,
  payer: string,
  people: readonly PersonIn[],
  source: PaySource,
): Promise<Envelope<Plan>> {
  const { payees, problems } = await resolvePayees(deps, payer, people);
  const items: PlannedItem[] = [];
  for (const payee of payees) {
    const item = await planItem(deps, payee, source);
    if (item.ok) items.push(item.data);
    else problems.push({ code: item.error.code, who: whoIs(payee), reason: item.error.message });
  }
  const first = problems[0];
  if (first) return failure(first.code, problemsMessage(problems));
  return success({ items, totalFen: items.reduce((sum, item) => sum + item.decision.due, 0) });
}

/**
 * What the payer is told about one person before paying. For anyone who has not consented only what
 * matters to the payment itself — this payment buys no cover this year — and nothing about the person.
 */
export function personWarnings(item: PlannedItem): string[] {
  if (item.payee.consented) return item.decision.warnings;
  if (item.decision.coverageStart !== null) return [];
  const year = item.policy.coverageYear;
  return [`按今天缴费，待遇开始日已晚于${year}年度保障期结束日，本次缴费不能享受${year}年度待遇。`];
}

/** The same, named, for the order as a whole. */
export function warningsFor(item: PlannedItem): string[] {
  const who = whoIs(item.payee);
  return personWarnings(item).map((w) => `${who}：${w}`);
}
