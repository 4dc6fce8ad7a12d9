/**
 * What the rules engine needs to know about a registered resident under one policy. Subsidy
 * categories come from the authorities' certified lists (民政 / 乡村振兴), never from the resident's
 * word, so a quote for a real registration only ever uses certified categories.
 */
import type { PersonFacts, Policy } from '../../../shared/rules';
import type { Subsidies } from '../storage/port';
import type { Resident } from '../storage/records';

export async function residentFacts(subsidies: Subsidies, resident: Resident, policy: Policy): Promise<PersonFacts> {
  const certified = await subsidies.listForResident(resident.id, policy.id);
  return {
    birthDate: resident.birthDate,
    ...(certified.length > 0 ? { categories: certified.map((c) => c.categoryId) } : {}),
    ...(resident.student ? { student: resident.student.status, studentLevel: resident.student.level } : {}),
    ...(resident.employeeInsuranceEndedOn ? { employeeInsuranceEndedOn: resident.employeeInsuranceEndedOn } : {}),
    ...(resident.employeeInsuranceYears !== null ? { employeeInsuranceYears: resident.employeeInsuranceYears } : {}),
  };
}
