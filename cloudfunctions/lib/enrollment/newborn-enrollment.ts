/**
 * 新生儿参保: a parent enrolls their baby, with the baby's ID number or its birth certificate.
 *
 * The answer comes up front (`check`), before anything is written: how many days since birth, whether
 * today is within the policy's newborn period (出生N日内缴费 → covered from birth), from when paying
 * today would cover the baby, and — for a baby born late in the year, or once next year's collection is
 * open — the next coverage year too, when we have that year's policy.
 *
 * `enroll` writes, in one transaction: the baby as a resident (when the registry does not know it yet:
 * ID number sealed, or the certificate number sealed and looked up by its own keyed hash), in the
 * parent's household; an unpaid enrollment per chosen year; and a confirmed binding from the parent to
 * the baby (a guardian binds a child under 14), so the baby shows in the parent's 待遇查询.
 */
import { randomUUID } from 'node:crypto';
import { failure, success, type Envelope } from '../../../shared/contracts/envelope';
import type { BabyInput, NewbornInput, NewbornOutput, NewbornYear } from '../../../shared/contracts/newborn';
import { maskIdNumber, parseIdNumber } from '../../../shared/id';
import {
  quotePerson,
  toQuoteOutput,
  type Explanation,
  type PersonFacts,
  type Policy,
  type QuoteDecision,
} from '../../../shared/rules';
import { addDays, ageOn, daysBetween } from '../../../shared/rules/civil-date';
import { isGuardianPerRegistry, registryRelation } from '../family/relationships';
import type { Pii } from '../pii';
import type { TxStorage } from '../storage/port';
import type { Enrollment, Relationship, ResidencyBasis, Resident } from '../storage/records';
import { cite } from './display';
import type { EnrollmentContext } from './household-enrollment';
import { linkedResident, NOT_LINKED_MESSAGE } from './identity';
import { residentFacts } from './person-facts';
import { policyFor, policyForYear, seasonStart } from './policy-for';
import { canStillEnroll, insertMissingEnrollments, transactionSettlingRaces, whyNotPayable } from './standing';

/** Where no policy says otherwise, the newborn period the documents share (出生90日内). */
const DEFAULT_NEWBORN_DAYS = 90;

/** What the caller says they are to the baby; `check` asks nothing, so a parent is assumed there. */
type Declared = 'parent' | 'guardian';

/** The baby as the caller described it, with its document already checked, sealed and keyed. */
type Baby = {
  kind: BabyInput['kind'];
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  documentMasked: string;
  idSealed: string;
  idLookupKey: string;
};

/**
 * A certificate number is keyed under its own prefix, so it can never collide with an ID number's key
 * (the two share the registry's unique lookup index).
 */
function certificateLookupKey(pii: Pii, certificateNumber: string): string {
  return pii.idLookupKey(`出生医学证明${certificateNumber}`);
}

function describeBaby(pii: Pii, baby: BabyInput, today: string): Envelope<Baby> {
  if (baby.kind === 'idNumber') {
    const parsed = parseIdNumber(baby.idNumber, today);
    if (!parsed.ok) return failure(parsed.code, `孩子的${parsed.message}`);
    const id = parsed.value.idNumber;
    return success({
      kind: 'idNumber',
      name: baby.name,
      sex: parsed.value.sex,
      birthDate: parsed.value.birthDate,
      documentMasked: pii.mask(id),
      idSealed: pii.sealIdNumber(id),
      idLookupKey: pii.idLookupKey(id),
    });
  }
  if (baby.birthDate > today) {
    return failure(
      'BIRTH_DATE_IN_FUTURE',
      `出生日期（${baby.birthDate}）晚于今天（${today}），请核对出生医学证明上的出生日期。`,
    );
  }
  return success({
    kind: 'birthCertificate',
    name: baby.name,
    sex: baby.sex,
    birthDate: baby.birthDate,
    documentMasked: maskIdNumber(baby.certificateNumber),
    idSealed: pii.sealIdNumber(baby.certificateNumber),
    idLookupKey: certificateLookupKey(pii, baby.certificateNumber),
  });
}

/** The baby's relation to the household head, seen from the parent's. */
function babyRelationToHead(parent: Resident): Relationship | null {
  if (parent.householdId === null) return null;
  if (parent.relationToHead === 'self' || parent.relationToHead === 'spouse') return 'child';
  if (parent.relationToHead === 'child') return 'grandchild';
  return 'other';
}

/**
 * What a baby takes from its parent: 户籍 (随父母落户) and the parent's 港澳台 or foreign status. A residence
 * permit or a student place is the parent's own; a permit holder's baby qualifies as 流动人口子女 through
 * the household instead (eligibility.ts).
 */
const INHERITED_BASES: ReadonlySet<ResidencyBasis> = new Set(['hukou', 'hkMacaoTaiwan', 'foreignPermanentResident']);

function newResident(parent: Resident, baby: Baby, createdAt: string): Resident {
  return {
    id: randomUUID(),
    idSealed: baby.idSealed,
    idLookupKey: baby.idLookupKey,
    idMasked: baby.documentMasked,
    name: baby.name,
    birthDate: baby.birthDate,
    sex: baby.sex,
    householdId: parent.householdId,
    relationToHead: babyRelationToHead(parent),
    bases: parent.bases.filter((basis) => INHERITED_BASES.has(basis)),
    localityCode: parent.localityCode,
    student: null,
    inEmployeeInsurance: false,
    employeeInsuranceEndedOn: null,
    employeeInsuranceYears: null,
    createdAt,
  };
}

type Candidate = {
  coverageYear: number;
  policy: Policy | null;
  quote: QuoteDecision | null;
  offered: boolean;
  note: string;
  enrollment: Enrollment | null;
};

type Assessment = {
  baby: Baby;
  /** The registry's record of the baby, when it already has one. */
  known: Resident | null;
  /** The baby seen from the caller, for the guardian binding. */
  bindAs: 'child' | 'grandchild';
  locality: string;
  candidates: Candidate[];
  rulePolicy: Policy | null;
};

function yearNote(policy: Policy, quote: QuoteDecision, offered: boolean): string {
  if (!offered) return quote.reason ?? `${policy.coverageYear}年度已不能办理参保。`;
  if (!quote.payable) return quote.reason ?? '现在可以登记，缴费期开始后再缴费。';
  if (quote.coverageStart === null) return quote.warnings[0] ?? `今天缴费不能享受${policy.coverageYear}年度待遇。`;
  return `今天缴费，${quote.coverageStart}至${quote.coverageEnd}享受待遇。`;
}

/** The years a baby may be enrolled for, as of today: the current one, and the next when it makes sense. */
async function candidateYears(
  ctx: EnrollmentContext,
  baby: Baby,
  known: Resident | null,
  locality: string,
  today: string,
): Promise<Candidate[]> {
  // A baby born last year enrolls for this year: last year's cover ended with last year.
  const first = Math.max(Number(baby.birthDate.slice(0, 4)), Number(today.slice(0, 4)));
  const firstPolicy = policyForYear(locality, first);
  const nextPolicy = policyForYear(locality, first + 1);
  const withinDays = firstPolicy?.newborn?.withinDays ?? nextPolicy?.newborn?.withinDays ?? DEFAULT_NEWBORN_DAYS;
  const bornLate = daysBetween(baby.birthDate, `${first}-12-31`) < withinDays;
  const nextOpen = nextPolicy !== null && seasonStart(nextPolicy) <= today;
  const years = bornLate || nextOpen ? [first, first + 1] : [first];

  const candidates: Candidate[] = [];
  for (const coverageYear of years) {
    const policy = coverageYear === first ? firstPolicy : nextPolicy;
    if (!policy) {
      candidates.push({
        coverageYear,
        policy: null,
        quote: null,
        offered: false,
        note: `我们暂未收录当地${coverageYear}年度城乡居民医保政策，政策公布后再为孩子办理${coverageYear}年度参保。`,
        enrollment: null,
      });
      continue;
    }
    const facts: PersonFacts = known
      ? await residentFacts(ctx.storage.subsidies, known, policy)
      : { birthDate: baby.birthDate };
    const quote = quotePerson(policy, { payDate: today, person: facts });
    const offered = canStillEnroll(policy, today, quote);
    candidates.push({
      coverageYear,
      policy,
      quote,
      offered,
      note: yearNote(policy, quote, offered),
      enrollment: known ? await ctx.storage.enrollments.get(known.id, coverageYear) : null,
    });
  }
  return candidates;
}

/**
 * Whether the caller may act for the baby, and what the baby is to them. A baby the registry knows: the
 * register must show the caller as its parent or grandparent-guardian in one household (family's own
 * guardian rule), or the caller already holds a confirmed binding to it. A baby the registry does not
 * know yet: only a parent may enroll it, on their own declaration — nothing in the registry can
 * contradict it, and the baby joins the declaring parent's household.
 */
async function guardianship(
  ctx: EnrollmentContext,
  parent: Resident,
  known: Resident | null,
  declared: Declared,
): Promise<Envelope<'child' | 'grandchild'>> {
  if (!known) {
    if (declared === 'parent') return success('child');
    return failure(
      'NOT_PARENT',
      '孩子尚未落户，只能由父母凭出生医学证明或孩子的身份证号码办理；其他监护人请在孩子落户后办理。',
    );
  }
  if (isGuardianPerRegistry(parent, known)) {
    const relation = registryRelation(parent, known);
    return success(relation.exact === 'grandchild' || relation.generationGap === -2 ? 'grandchild' : 'child');
  }
  const binding = await ctx.storage.familyBindings.findByOwnerAndResident(ctx.openid, known.id);
  if (binding?.status === 'confirmed' && (binding.relationship === 'child' || binding.relationship === 'grandchild')) {
    return success(binding.relationship);
  }
  return failure(
    'NOT_PARENT',
    '户籍登记信息显示您不是这个孩子的父母或监护人，不能为其办理新生儿参保。孩子的父母可以在自己的微信上办理。',
  );
}

async function assess(
  ctx: EnrollmentContext,
  parent: Resident,
  input: BabyInput,
  declared: Declared,
  today: string,
): Promise<Envelope<Assessment>> {
  const described = describeBaby(ctx.pii, input, today);
  if (!described.ok) return described;
  const baby = described.data;
  if (ageOn(baby.birthDate, today) >= 1) {
    return failure(
      'NEWBORN_TOO_OLD',
      `孩子（${baby.birthDate}出生）已满1周岁，请按普通居民参保（使用“参保登记”办理）。`,
    );
  }

  const known = await ctx.storage.residents.findByIdLookupKey(baby.idLookupKey);
  const guardian = await guardianship(ctx, parent, known, declared);
  if (!guardian.ok) return guardian;
  if (known && (known.name !== baby.name || known.birthDate !== baby.birthDate)) {
    return failure('IDENTITY_NOT_MATCHED', '孩子的姓名或出生日期与登记信息不一致，请核对后重试。');
  }

  const locality = known?.localityCode ?? parent.localityCode;
  const candidates = await candidateYears(ctx, baby, known, locality, today);
  const policies = candidates.flatMap((c) => (c.policy ? [c.policy] : []));
  if (policies.length === 0) {
    const current = policyFor(locality, today);
    return failure(
      'NO_POLICY',
      current.ok ? '我们暂未收录孩子出生年度的参保政策，暂时不能在线办理。' : current.message,
    );
  }
  const needsId = policies.find((p) => p.newborn?.identity === 'idNumber');
  if (needsId?.newborn && baby.kind === 'birthCertificate') {
    return failure(
      'ID_NUMBER_REQUIRED',
      `${needsId.jurisdiction}规定新生儿凭身份证号码参保，请先为孩子办理户口登记、取得身份证号码后再办理，不能只用出生医学证明。${cite(needsId.newborn.source)}`,
    );
  }
  return success({
    baby,
    known,
    bindAs: guardian.data,
    locality,
    candidates,
    rulePolicy: policies.find((p) => p.newborn) ?? null,
  });
}

function newbornRuleOut(policy: Policy | null, birthDate: string, today: string): NewbornOutput['newbornRule'] {
  const rule = policy?.newborn;
  if (!rule) return null;
  const lastDay = addDays(birthDate, rule.withinDays);
  return {
    withinDays: rule.withinDays,
    lastDay,
    withinPeriod: today <= lastDay,
    daysLeft: Math.max(0, daysBetween(today, lastDay)),
    source: rule.source,
  };
}

function explanationFor(assessment: Assessment, today: string): Explanation[] {
  const rule = assessment.rulePolicy?.newborn;
  if (!rule) return [];
  const lastDay = addDays(assessment.baby.birthDate, rule.withinDays);
  const explanation: Explanation[] = [
    {
      text:
        today <= lastDay
          ? `孩子${assessment.baby.birthDate}出生，在${lastDay}（出生${rule.withinDays}日）前缴费的，从出生之日起享受当年待遇。`
          : `孩子${assessment.baby.birthDate}出生，已超过出生${rule.withinDays}日（${lastDay}）。`,
      source: rule.source,
    },
  ];
  if (rule.identity === 'idNumber') {
    explanation.push({ text: '本地新生儿凭身份证号码办理参保。', source: rule.source });
  }
  return explanation;
}

function answer(
  assessment: Assessment,
  today: string,
  residentId: string | null,
  created: ReadonlySet<number>,
  enrolledYears: ReadonlyMap<number, Enrollment['status']>,
  boundToCaller: boolean,
): NewbornOutput {
  const { baby } = assessment;
  const years: NewbornYear[] = assessment.candidates.map((c) => {
    const status = enrolledYears.get(c.coverageYear) ?? c.enrollment?.status ?? null;
    return {
      coverageYear: c.coverageYear,
      policy: c.policy ? { id: c.policy.id, name: c.policy.name } : null,
      offered: c.offered,
      note: c.note,
      quote: c.quote ? toQuoteOutput(c.quote) : null,
      enrollment: status ? { status, newlyRegistered: created.has(c.coverageYear) } : null,
    };
  });
  return {
    baby: {
      residentId,
      name: baby.name,
      sex: baby.sex,
      birthDate: baby.birthDate,
      identity: baby.kind,
      documentMasked: baby.documentMasked,
    },
    today,
    daysSinceBirth: daysBetween(baby.birthDate, today),
    newbornRule: newbornRuleOut(assessment.rulePolicy, baby.birthDate, today),
    years,
    boundToCaller,
    explanation: explanationFor(assessment, today),
  };
}

/** Binds the parent to the baby as its guardian: a new confirmed binding, or an earlier one confirmed again. */
async function bindGuardian(
  tx: TxStorage,
  openid: string,
  residentId: string,
  relationship: 'child' | 'grandchild',
  at: string,
): Promise<void> {
  const existing = await tx.familyBindings.findByOwnerAndResident(openid, residentId);
  if (!existing) {
    await tx.familyBindings.insert({
      id: randomUUID(),
      ownerOpenid: openid,
      residentId,
      relationship,
      status: 'confirmed',
      consentCodeHash: null,
      consentExpiresAt: null,
      consentAttempts: 0,
      confirmedBy: 'guardian',
      createdAt: at,
      updatedAt: at,
    });
    return;
  }
  if (existing.status === 'confirmed') return;
  await tx.familyBindings.update(existing.id, existing.status, {
    status: 'confirmed',
    relationship,
    confirmedBy: 'guardian',
    consentCodeHash: null,
    consentExpiresAt: null,
    updatedAt: at,
  });
}

/** The chosen years, each offered today and not already paid; or the refusal for the first that is not. */
function chosenYears(
  assessment: Assessment,
  years: readonly number[],
  today: string,
): Envelope<{ coverageYear: number; policy: Policy }[]> {
  const chosen: { coverageYear: number; policy: Policy }[] = [];
  for (const year of new Set(years)) {
    const candidate = assessment.candidates.find((c) => c.coverageYear === year);
    if (!candidate) {
      const offered = assessment.candidates.map((c) => `${c.coverageYear}年度`).join('、');
      return failure('YEAR_NOT_OFFERED', `不能为孩子办理${year}年度参保，可选择的年度为：${offered}。`);
    }
    if (candidate.enrollment?.status === 'paid') {
      return failure('ALREADY_ENROLLED', `孩子已参加${year}年度城乡居民医保并已缴费，不能重复参保。`);
    }
    if (!candidate.policy) return failure('NO_POLICY', candidate.note);
    if (!candidate.offered) {
      const rule = candidate.policy.newborn;
      if (rule?.after === 'notProvided' && today > addDays(assessment.baby.birthDate, rule.withinDays)) {
        return failure('NEWBORN_PERIOD_PASSED', `${candidate.note}${cite(rule.source)}`);
      }
      return failure(
        'WINDOW_CLOSED',
        candidate.quote ? whyNotPayable(candidate.quote, candidate.note) : candidate.note,
      );
    }
    chosen.push({ coverageYear: year, policy: candidate.policy });
  }
  return success(chosen);
}

export async function enrollNewborn(ctx: EnrollmentContext, request: NewbornInput): Promise<Envelope<NewbornOutput>> {
  const today = ctx.clock.today();
  const parent = await linkedResident(ctx.storage, ctx.openid);
  if (!parent) return failure('NOT_IDENTIFIED', NOT_LINKED_MESSAGE);

  const declared = request.action === 'enroll' ? request.relationship : 'parent';
  const assessed = await assess(ctx, parent, request.baby, declared, today);
  if (!assessed.ok) return assessed;
  const assessment = assessed.data;
  if (request.action === 'check') {
    const bound = assessment.known
      ? (await ctx.storage.familyBindings.findByOwnerAndResident(ctx.openid, assessment.known.id))?.status ===
        'confirmed'
      : false;
    return success(answer(assessment, today, assessment.known?.id ?? null, new Set(), new Map(), bound));
  }

  const chosen = chosenYears(assessment, request.coverageYears, today);
  if (!chosen.ok) return chosen;

  const at = ctx.clock.now().toISOString();
  const written = await transactionSettlingRaces(ctx.storage, async (tx) => {
    let baby = assessment.known ?? (await tx.residents.findByIdLookupKey(assessment.baby.idLookupKey));
    if (!baby) {
      baby = newResident(parent, assessment.baby, at);
      await tx.residents.insert(baby);
    }
    const residentId = baby.id;
    const createdYears = new Set<number>();
    const statuses = new Map<number, Enrollment['status']>();
    for (const { coverageYear, policy } of chosen.data) {
      const inserted = await insertMissingEnrollments(tx, [{ residentId, policy }], { openid: ctx.openid, today, at });
      if (inserted.size > 0) createdYears.add(coverageYear);
      const row = await tx.enrollments.get(residentId, coverageYear);
      if (row) statuses.set(coverageYear, row.status);
    }
    await bindGuardian(tx, ctx.openid, residentId, assessment.bindAs, at);
    return { residentId, createdYears, statuses };
  });
  if (written.createdYears.size > 0) ctx.log.info('newborn_registered', { years: [...written.createdYears] });

  return success(answer(assessment, today, written.residentId, written.createdYears, written.statuses, true));
}
