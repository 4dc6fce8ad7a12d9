/**
 * 参保登记: the caller registers for the current coverage year, alone or with their household.
 *
 * Order of the checks, each refusal in plain Chinese with its clause:
 * identity (name + ID against the registry; links the OPENID) → the locality's policy for today →
 * the caller's eligibility (职工医保 → refused) → the household members chosen → 全户参保 for a household
 * enrolling for the first time → already paid → a window still leads somewhere. Then one transaction
 * writes the missing enrollments; a retry or a concurrent duplicate writes nothing more.
 */
import { failure, success, type Envelope } from '../../../shared/contracts/envelope';
import type {
  HouseholdMember,
  RegisterInput,
  RegisterOutput,
  RegisteredPerson,
} from '../../../shared/contracts/register';
import { quotePerson, toQuoteOutput, type Explanation, type Policy, type QuoteDecision } from '../../../shared/rules';
import type { SignedInContext } from '../context';
import type { Resident } from '../storage/records';
import { cite, maskName } from './display';
import { eligibilityOf, type Eligibility } from './eligibility';
import { linkCaller } from './identity';
import { residentFacts } from './person-facts';
import { policyFor } from './policy-for';
import {
  canStillEnroll,
  enrollmentsAround,
  insertMissingEnrollments,
  policyRefOf,
  standingOf,
  transactionSettlingRaces,
  whyNotPayable,
  type Standing,
  type YearPair,
} from './standing';

export type EnrollmentContext = Pick<SignedInContext, 'openid' | 'clock' | 'storage' | 'pii' | 'log'>;

type Member = {
  resident: Resident;
  isSelf: boolean;
  /** How answers name this person: '您' for the caller, a half-hidden name for the others. */
  who: string;
  years: YearPair;
  standing: Standing;
  eligibility: Eligibility;
};

function memberOut(member: Member): HouseholdMember {
  return {
    residentId: member.resident.id,
    name: member.isSelf ? member.resident.name : maskName(member.resident.name),
    idMasked: member.resident.idMasked,
    isSelf: member.isSelf,
    eligible: member.eligibility.eligible,
    ...(member.eligibility.eligible ? {} : { reason: member.eligibility.reason }),
    standing: member.standing,
  };
}

function refusal(eligibility: Extract<Eligibility, { eligible: false }>): Envelope<never> {
  return failure(eligibility.code, `${eligibility.reason}${cite(eligibility.source)}`);
}

/** The caller and the other members of their 户口簿, each with their standing and eligibility. */
async function householdOf(
  ctx: EnrollmentContext,
  me: Resident,
  policy: Policy,
  today: string,
): Promise<{ self: Member; others: Member[] }> {
  const listed = me.householdId ? await ctx.storage.residents.listByHousehold(me.householdId) : [];
  const residents = [me, ...listed.filter((r) => r.id !== me.id)];
  const describe = async (resident: Resident, isSelf: boolean): Promise<Member> => {
    const who = isSelf ? '您' : maskName(resident.name);
    const years = await enrollmentsAround(ctx.storage.enrollments, resident.id, policy.coverageYear);
    return {
      resident,
      isSelf,
      who,
      years,
      standing: standingOf(policy, years),
      eligibility: eligibilityOf(policy, resident, residents, today, who),
    };
  };
  const self = await describe(me, true);
  const others: Member[] = [];
  for (const resident of residents.slice(1)) others.push(await describe(resident, false));
  return { self, others };
}

/** The members named by the request, or a refusal naming the first one who cannot be chosen. */
function chosenMembers(request: RegisterInput, self: Member, others: readonly Member[]): Envelope<Member[]> {
  if (request.memberIds) {
    const chosen: Member[] = [];
    for (const id of new Set(request.memberIds)) {
      if (id === self.resident.id) continue; // the caller is always in their own registration
      const member = others.find((m) => m.resident.id === id);
      if (!member) {
        return failure(
          'NOT_IN_HOUSEHOLD',
          '所选人员不在您的户口簿上，不能与您一并登记。为其他亲属缴费请使用“家庭成员”，为新生儿参保请使用“新生儿参保”。',
        );
      }
      if (!member.eligibility.eligible) return refusal(member.eligibility);
      chosen.push(member);
    }
    return success(chosen);
  }
  return success(request.wholeHousehold ? others.filter((m) => m.eligibility.eligible) : []);
}

function noticeFor(member: Member, policy: Policy, created: boolean): string {
  const year = policy.coverageYear;
  const name = member.isSelf ? '' : `${member.who}：`;
  switch (member.standing) {
    case 'paid':
      return `${name}已参加${year}年度城乡居民医保并已缴费，无需重复登记。`;
    case 'renewed':
      return `${name}${year - 1}年度已参保，已默认续保，无需重新登记，请在缴费期内按时缴费。${
        policy.autoRenewal ? cite(policy.autoRenewal.source) : ''
      }`;
    default:
      return created
        ? `${name}已登记${year}年度城乡居民医保，缴费后即完成参保。`
        : `${name}此前已登记${year}年度城乡居民医保，尚未缴费。`;
  }
}

function explanationFor(policy: Policy, targets: readonly Member[], wholeHousehold: boolean): Explanation[] {
  const explanation: Explanation[] = [];
  for (const member of targets) {
    if (member.eligibility.eligible) {
      const basis = member.eligibility.basis;
      explanation.push({ text: `${member.who}属于“${basis.label}”，可参加${policy.name}。`, source: basis.source });
    }
  }
  if (wholeHousehold && policy.wholeHousehold) {
    explanation.push({ text: '首次参保的家庭须全户参保，不得选择性参保。', source: policy.wholeHousehold.source });
  }
  if (policy.autoRenewal && targets.some((m) => m.standing === 'renewed')) {
    explanation.push({ text: '上一年度已参保的人员默认续保，无需重新登记。', source: policy.autoRenewal.source });
  }
  return explanation;
}

export async function registerHousehold(
  ctx: EnrollmentContext,
  request: RegisterInput,
): Promise<Envelope<RegisterOutput>> {
  const today = ctx.clock.today();
  const linked = await linkCaller(ctx.storage, ctx.pii, ctx.openid, request, today, ctx.clock.now());
  if (!linked.ok) return linked;
  const me = linked.data;

  const found = policyFor(me.localityCode, today);
  if (!found.ok) return failure(found.code, found.message);
  const policy = found.policy;
  const year = policy.coverageYear;

  const { self, others } = await householdOf(ctx, me, policy, today);
  if (!self.eligibility.eligible) return refusal(self.eligibility);
  const household = [self, ...others];

  const chosen = chosenMembers(request, self, others);
  if (!chosen.ok) return chosen;
  const targets = [self, ...chosen.data];

  // 全户参保: nobody in the household is enrolled this year or was insured last year.
  const firstTime = household.every((m) => m.years.thisYear === null && m.years.lastYear?.status !== 'paid');
  const left = others.filter((m) => m.eligibility.eligible && !targets.includes(m));
  if (policy.wholeHousehold && firstTime && left.length > 0) {
    const source = policy.wholeHousehold.source;
    if (request.wholeHousehold === undefined && request.memberIds === undefined) {
      return success({
        outcome: 'confirmHousehold',
        policy: policyRefOf(policy),
        message: `您家是首次参加城乡居民医保，须全户参保：请确认以下${household.filter((m) => m.eligibility.eligible).length}位符合条件的家庭成员一并登记。`,
        source,
        members: household.map(memberOut),
      });
    }
    return failure(
      'WHOLE_HOUSEHOLD_REQUIRED',
      `您家是首次参加城乡居民医保，须全户参保，不得选择性参保。请将${left.map((m) => m.who).join('、')}一并登记。${cite(source)}`,
    );
  }

  if (targets.every((m) => m.standing === 'paid')) {
    return failure(
      'ALREADY_ENROLLED',
      targets.length === 1
        ? `您已参加${year}年度城乡居民医保并已缴费，不能重复参保。`
        : `所选人员均已参加${year}年度城乡居民医保并已缴费，不能重复参保。`,
    );
  }

  const priced: { member: Member; quote: QuoteDecision }[] = [];
  for (const member of targets) {
    const facts = await residentFacts(ctx.storage.subsidies, member.resident, policy);
    const quote = quotePerson(policy, { payDate: today, person: facts });
    if (member.standing !== 'paid' && !canStillEnroll(policy, today, quote)) {
      const who = member.isSelf ? '' : `${member.who}：`;
      return failure('WINDOW_CLOSED', `${who}${whyNotPayable(quote, `${year}年度已不能办理参保登记。`)}`);
    }
    priced.push({ member, quote });
  }

  // Renewed people need no registration (默认续保); paid people need nothing.
  const toRegister = targets.filter((m) => m.standing === 'none' || m.standing === 'registered');
  const created = await transactionSettlingRaces(ctx.storage, (tx) =>
    insertMissingEnrollments(
      tx,
      toRegister.map((m) => ({ residentId: m.resident.id, policy })),
      { openid: ctx.openid, today, at: ctx.clock.now().toISOString() },
    ),
  );
  if (created.size > 0) ctx.log.info('enrollments_registered', { policyId: policy.id, count: created.size });

  const people: RegisteredPerson[] = priced.map(({ member, quote }) => {
    const isNew = created.has(member.resident.id);
    const standing = isNew ? 'registered' : member.standing;
    return {
      residentId: member.resident.id,
      name: member.isSelf ? member.resident.name : maskName(member.resident.name),
      idMasked: member.resident.idMasked,
      isSelf: member.isSelf,
      standing: standing === 'none' ? 'registered' : standing,
      newlyRegistered: isNew,
      notice: noticeFor({ ...member, standing }, policy, isNew),
      quote: toQuoteOutput(quote),
    };
  });

  return success({
    outcome: 'registered',
    policy: policyRefOf(policy),
    people,
    otherMembers: others.filter((m) => !targets.includes(m)).map(memberOut),
    explanation: explanationFor(policy, targets, firstTime && targets.length > 1),
  });
}
