/**
 * 参保范围: who may enroll in a locality's resident insurance, decided from the reference registry
 * (户籍, 居住证, students, 武警, 港澳台, 外国人永久居留) against the kinds the policy lists.
 * Someone covered by 职工医保 is never eligible: the documents define resident insurance as the scheme
 * for those outside employee insurance, and double enrollment is what this check exists to stop.
 */
import type { Policy, Source } from '../../../shared/rules';
import { ageOn } from '../../../shared/rules/civil-date';
import type { Resident } from '../storage/records';

export type EligibilityBasis = Policy['eligibility'][number];
type EligibilityKind = EligibilityBasis['kind'];

export type Eligibility =
  | { eligible: true; basis: EligibilityBasis }
  | {
      eligible: false;
      code: 'EMPLOYEE_INSURANCE' | 'OUTSIDE_LOCALITY' | 'NOT_ELIGIBLE';
      reason: string;
      source: Source;
    };

const ADULT_AGE = 18;

function coversLocality(policy: Policy, resident: Resident): boolean {
  return resident.localityCode.startsWith(policy.regionCode);
}

/** The kinds the registry proves for a person by themselves (not through a relative). */
function ownKinds(resident: Resident): Set<EligibilityKind> {
  const kinds = new Set<EligibilityKind>(resident.bases);
  if (resident.student) kinds.add('student');
  // Lingbi's 非本镇户籍但在本镇长期居住: a residence permit is the registry's proof of long-term residence.
  if (resident.bases.includes('residencePermit')) kinds.add('longTermResident');
  return kinds;
}

/**
 * 流动人口的子女 (migrantChild): a minor whose household has someone insured here — eligible in their own
 * right under this policy, or covered by employee insurance in this locality.
 */
function isMigrantChild(policy: Policy, resident: Resident, household: readonly Resident[], today: string): boolean {
  if (ageOn(resident.birthDate, today) >= ADULT_AGE) return false;
  const listed = new Set(policy.eligibility.map((e) => e.kind));
  return household.some(
    (member) =>
      member.id !== resident.id &&
      coversLocality(policy, member) &&
      (member.inEmployeeInsurance || [...ownKinds(member)].some((kind) => listed.has(kind))),
  );
}

/** The clause that draws the line against employee insurance: the 户籍 entry of 参保范围 says "除参加职工医保以外". */
function scopeSource(policy: Policy): Source {
  return (
    (policy.eligibility.find((e) => e.kind === 'hukou') ?? policy.eligibility[0])?.source ?? policy.coverage.source
  );
}

/**
 * Whether `resident` may enroll under `policy`, and on which listed basis. `household` is everyone in the
 * resident's 户口簿 (it may include the resident); `who` names the person in the reason ('您' for the caller).
 */
export function eligibilityOf(
  policy: Policy,
  resident: Resident,
  household: readonly Resident[],
  today: string,
  who = '您',
): Eligibility {
  if (resident.inEmployeeInsurance) {
    return {
      eligible: false,
      code: 'EMPLOYEE_INSURANCE',
      reason: `${who}正在参加职工基本医疗保险，不能同时参加城乡居民医保。`,
      source: scopeSource(policy),
    };
  }
  if (!coversLocality(policy, resident)) {
    return {
      eligible: false,
      code: 'OUTSIDE_LOCALITY',
      reason: `${who}的参保地不在${policy.jurisdiction}，不能参加${policy.name}。`,
      source: scopeSource(policy),
    };
  }
  const kinds = ownKinds(resident);
  if (isMigrantChild(policy, resident, household, today)) kinds.add('migrantChild');
  const basis = policy.eligibility.find((e) => kinds.has(e.kind));
  if (basis) return { eligible: true, basis };
  const listed = policy.eligibility.map((e) => e.label).join('；');
  return {
    eligible: false,
    code: 'NOT_ELIGIBLE',
    reason: `按登记信息，${who}不属于${policy.jurisdiction}城乡居民医保的参保范围。本地参保范围为：${listed}。如信息有变化，请携带证件到当地医保经办机构办理。`,
    source: scopeSource(policy),
  };
}
