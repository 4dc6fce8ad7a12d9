/**
 * Demo reference data for the local cloud, standing in for the 公安 (household register) and 民政 /
 * 乡村振兴 (certified lists) sources. Every ID number is synthetic: a real region code and birth date,
 * a sequence number in the 99x range and a computed check digit, so the numbers pass validation but
 * belong to nobody we know of. Seeded once, on the first start with an empty database.
 */
import { computeCheckDigit } from '../../shared/id';
import type { Clock } from '../lib/clock';
import type { Pii } from '../lib/pii';
import type { Storage } from '../lib/storage/port';
import type { Household, Relationship, ResidencyBasis, Resident, SubsidyCertification } from '../lib/storage/records';

/** 18-digit ID number: region + birth date + 3-digit sequence (odd = male) + check digit. */
export function syntheticIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + computeCheckDigit(first17);
}

/** Locality codes (GB/T 2260) of the five seed policies. 泉州台商投资区 lies in 惠安县 (350521). */
export const LOCALITIES = {
  quangang: '350505', // 泉州市泉港区 — fj-quanzhou-2023
  jinjiang: '350582', // 晋江市 — fj-jinjiang-lingyuan-2022
  youxi: '350426', // 尤溪县 — fj-youxi-2024
  taishang: '350521', // 泉州台商投资区 — fj-quanzhou-taishang-2025
  lingbi: '341323', // 灵璧县 — ah-lingbi-zhuji-2023
} as const;

type DemoPerson = {
  id: string;
  name: string;
  /** Region code printed in the ID number (where the person was first registered). */
  idRegion: string;
  birthDate: string;
  sequence: number;
  localityCode: string;
  bases: ResidencyBasis[];
  householdId?: string;
  relationToHead?: Relationship;
  student?: Resident['student'];
  employee?: { active: boolean; endedOn: string | null; years: number };
};

export const DEMO_HOUSEHOLDS: ReadonlyArray<Omit<Household, 'createdAt'>> = [
  // Four people: an employee who can pay for his family (家庭共济), his spouse, a daughter of 18 who
  // must consent from her own WeChat, and a son of 12 whom the parents bind as guardians.
  {
    id: 'demo-h-zhang',
    localityCode: LOCALITIES.taishang,
    address: '泉州台商投资区东园镇示例村1号',
    headResidentId: 'demo-r01',
  },
  // A baby born on 2024-10-08, already registered in the household (落户) but not yet insured.
  {
    id: 'demo-h-chen',
    localityCode: LOCALITIES.taishang,
    address: '泉州台商投资区洛阳镇示例街8号',
    headResidentId: 'demo-r05',
  },
  {
    id: 'demo-h-wang',
    localityCode: LOCALITIES.taishang,
    address: '泉州台商投资区张坂镇示例村3号',
    headResidentId: 'demo-r08',
  },
];

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    id: 'demo-r01',
    name: '张建国',
    idRegion: '350521',
    birthDate: '1978-03-12',
    sequence: 991,
    localityCode: LOCALITIES.taishang,
    bases: ['hukou'],
    householdId: 'demo-h-zhang',
    relationToHead: 'self',
    employee: { active: true, endedOn: null, years: 15 },
  },
  {
    id: 'demo-r02',
    name: '李秀英',
    idRegion: '350521',
    birthDate: '1980-07-22',
    sequence: 992,
    localityCode: LOCALITIES.taishang,
    bases: ['hukou'],
    householdId: 'demo-h-zhang',
    relationToHead: 'spouse',
  },
  {
    id: 'demo-r03',
    name: '张丽',
    idRegion: '350521',
    birthDate: '2006-09-18',
    sequence: 994,
    localityCode: LOCALITIES.taishang,
    bases: ['hukou', 'student'],
    householdId: 'demo-h-zhang',
    relationToHead: 'child',
    student: { status: 'enrolled', level: 'university' },
  },
  {
    id: 'demo-r04',
    name: '张小明',
    idRegion: '350521',
    birthDate: '2012-05-06',
    sequence: 993,
    localityCode: LOCALITIES.taishang,
    bases: ['hukou'],
    householdId: 'demo-h-zhang',
    relationToHead: 'child',
  },
  {
    id: 'demo-r05',
    name: '陈志强',
    idRegion: '350521',
    birthDate: '1992-01-30',
    sequence: 995,
    localityCode: LOCALITIES.taishang,
    bases: ['hukou'],
    householdId: 'demo-h-chen',
    relationToHead: 'self',
  },
  {
    id: 'demo-r06',
    name: '林美玲',
    idRegion: '350521',
    birthDate: '1994-04-11',
    sequence: 996,
    localityCode: LOCALITIES.taishang,
    bases: ['hukou'],
    householdId: 'demo-h-chen',
    relationToHead: 'spouse',
  },
  {
    id: 'demo-r07',
    name: '陈安安',
    idRegion: '350521',
    birthDate: '2024-10-08',
    sequence: 998,
    localityCode: LOCALITIES.taishang,
    bases: ['hukou'],
    householdId: 'demo-h-chen',
    relationToHead: 'child',
  },
  {
    id: 'demo-r08',
    name: '王桂兰',
    idRegion: '350521',
    birthDate: '1958-12-03',
    sequence: 990,
    localityCode: LOCALITIES.taishang,
    bases: ['hukou'],
    householdId: 'demo-h-wang',
    relationToHead: 'self',
  },
  {
    id: 'demo-r09',
    name: '周嘉欣',
    idRegion: '810000',
    birthDate: '1990-03-03',
    sequence: 992,
    localityCode: LOCALITIES.taishang,
    bases: ['hkMacaoTaiwan'],
  },
  {
    id: 'demo-r10',
    name: '刘海燕',
    idRegion: '360102',
    birthDate: '1988-06-25',
    sequence: 994,
    localityCode: LOCALITIES.quangang,
    bases: ['residencePermit'],
  },
  {
    id: 'demo-r11',
    name: '黄俊杰',
    idRegion: '350582',
    birthDate: '2003-10-09',
    sequence: 997,
    localityCode: LOCALITIES.jinjiang,
    bases: ['hukou', 'student'],
    student: { status: 'enrolled', level: 'university' },
  },
  {
    id: 'demo-r12',
    name: '吴淑芬',
    idRegion: '350582',
    birthDate: '1975-01-20',
    sequence: 996,
    localityCode: LOCALITIES.jinjiang,
    bases: ['hukou'],
    employee: { active: false, endedOn: '2024-09-30', years: 8 },
  },
  {
    id: 'demo-r13',
    name: '郑大山',
    idRegion: '350426',
    birthDate: '1970-08-08',
    sequence: 999,
    localityCode: LOCALITIES.youxi,
    bases: ['hukou'],
  },
  {
    id: 'demo-r14',
    name: '赵德福',
    idRegion: '341323',
    birthDate: '1965-02-14',
    sequence: 991,
    localityCode: LOCALITIES.lingbi,
    bases: ['hukou'],
  },
];

export const DEMO_SUBSIDIES: readonly SubsidyCertification[] = [
  {
    residentId: 'demo-r08',
    policyId: 'fj-quanzhou-taishang-2025',
    categoryId: 'minimum-living',
    certifiedOn: '2024-08-20',
    authority: '民政部门',
  },
  {
    residentId: 'demo-r14',
    policyId: 'ah-lingbi-zhuji-2023',
    categoryId: 'monitored',
    certifiedOn: '2022-08-15',
    authority: '乡村振兴部门',
  },
];

/** The dev login's accounts. `residentId: null` is a WeChat user who has not said who they are yet. */
export const DEMO_USERS: ReadonlyArray<{ openid: string; label: string; residentId: string | null }> = [
  { openid: 'demo-zhang', label: '张建国（台商区，职工医保，一家四口户主）', residentId: 'demo-r01' },
  { openid: 'demo-li', label: '李秀英（张建国之妻）', residentId: 'demo-r02' },
  { openid: 'demo-zhangli', label: '张丽（18岁，大学生）', residentId: 'demo-r03' },
  { openid: 'demo-chen', label: '陈志强（台商区，家有新生儿）', residentId: 'demo-r05' },
  { openid: 'demo-wang', label: '王桂兰（台商区，低保对象）', residentId: 'demo-r08' },
  { openid: 'demo-zhou', label: '周嘉欣（香港居民，住台商区）', residentId: 'demo-r09' },
  { openid: 'demo-liu', label: '刘海燕（泉港区，持居住证）', residentId: 'demo-r10' },
  { openid: 'demo-huang', label: '黄俊杰（晋江，大学生）', residentId: 'demo-r11' },
  { openid: 'demo-wu', label: '吴淑芬（晋江，职工医保已停保）', residentId: 'demo-r12' },
  { openid: 'demo-zhao', label: '赵德福（灵璧县，监测人口）', residentId: 'demo-r14' },
  { openid: 'demo-new', label: '新用户（尚未登记身份）', residentId: null },
];

/** The synthetic ID number of a demo resident (for tests and the demo guide). */
export function demoIdNumber(residentId: string): string {
  const person = DEMO_PEOPLE.find((p) => p.id === residentId);
  if (!person) throw new Error(`没有这个演示居民：${residentId}`);
  return syntheticIdNumber(person.idRegion, person.birthDate, person.sequence);
}

function residentOf(person: DemoPerson, pii: Pii, createdAt: string): Resident {
  const idNumber = syntheticIdNumber(person.idRegion, person.birthDate, person.sequence);
  return {
    id: person.id,
    idSealed: pii.sealIdNumber(idNumber),
    idLookupKey: pii.idLookupKey(idNumber),
    idMasked: pii.mask(idNumber),
    name: person.name,
    birthDate: person.birthDate,
    sex: person.sequence % 2 === 1 ? 'male' : 'female',
    householdId: person.householdId ?? null,
    relationToHead: person.relationToHead ?? null,
    bases: person.bases,
    localityCode: person.localityCode,
    student: person.student ?? null,
    inEmployeeInsurance: person.employee?.active ?? false,
    employeeInsuranceEndedOn: person.employee?.endedOn ?? null,
    employeeInsuranceYears: person.employee?.years ?? null,
    createdAt,
  };
}

/** Seeds the demo registry unless it is already there; true when it seeded. */
export async function seedDemoData(storage: Storage, pii: Pii, clock: Clock): Promise<boolean> {
  const first = DEMO_PEOPLE[0];
  if (!first || (await storage.residents.get(first.id))) return false;
  const createdAt = clock.now().toISOString();
  await storage.transaction(async (tx) => {
    for (const household of DEMO_HOUSEHOLDS) await tx.households.insert({ ...household, createdAt });
    for (const person of DEMO_PEOPLE) await tx.residents.insert(residentOf(person, pii, createdAt));
    for (const certification of DEMO_SUBSIDIES) await tx.subsidies.certify(certification);
    for (const user of DEMO_USERS) {
      await tx.users.put({ openid: user.openid, residentId: user.residentId, createdAt, updatedAt: createdAt });
    }
  });
  return true;
}
