import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { register } from '../../cloudfunctions/register';
import { dataOf, errorOf, openWorld, TAISHANG, YOUXI, type Person, type World } from './enrollment-world';

const TAISHANG_2025 = { policyId: 'fj-quanzhou-taishang-2025', coverageYear: 2025, coverageEnd: '2025-12-31' };

describe('register (参保登记)', () => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const claim = (p: Person, extra: Record<string, unknown> = {}) => ({
    name: p.resident.name,
    idNumber: p.idNumber,
    ...extra,
  });

  /** 林家: a first-time household of four; the son is covered by employee insurance. */
  async function linFamily() {
    const householdId = await world.household('h-lin');
    const father = await world.person({ name: '林国栋', birthDate: '1970-03-01', householdId, relationToHead: 'self' });
    const mother = await world.person({
      name: '黄秀珍',
      birthDate: '1972-06-15',
      householdId,
      relationToHead: 'spouse',
    });
    const son = await world.person({
      name: '林志伟',
      birthDate: '1996-01-20',
      householdId,
      relationToHead: 'child',
      inEmployeeInsurance: true,
    });
    const daughter = await world.person({
      name: '林小雨',
      birthDate: '2012-09-09',
      householdId,
      relationToHead: 'child',
    });
    return { father, mother, son, daughter };
  }

  it('links the caller to the registry and registers them with what paying today costs', async () => {
    const chen = await world.person({ name: '陈一鸣', birthDate: '1985-04-10' });

    const data = dataOf(await world.call(register, 'openid-chen', claim(chen, { name: '  陈一鸣 ' })));

    expect(data.outcome).toBe('registered');
    if (data.outcome !== 'registered') return;
    expect(data.policy.id).toBe('fj-quanzhou-taishang-2025');
    expect(data.people).toHaveLength(1);
    const [me] = data.people;
    expect(me).toMatchObject({
      residentId: chen.resident.id,
      name: '陈一鸣',
      isSelf: true,
      standing: 'registered',
      newlyRegistered: true,
    });
    expect(me?.idMasked).toBe(chen.resident.idMasked);
    expect(me?.quote).toMatchObject({
      payable: true,
      amountDue: 400,
      coverageStart: '2025-01-01',
      coverageEnd: '2025-12-31',
    });
    expect(data.explanation.some((e) => e.source.clause === '三（一）')).toBe(true);
    expect(JSON.stringify(data)).not.toContain(chen.idNumber);

    expect((await world.storage.users.get('openid-chen'))?.residentId).toBe(chen.resident.id);
    const row = await world.storage.enrollments.get(chen.resident.id, 2025);
    expect(row).toMatchObject({
      status: 'registered',
      registeredBy: 'openid-chen',
      registeredOn: '2024-11-15',
      paidOn: null,
    });
  });

  it('answers a retry without registering anyone twice', async () => {
    const chen = await world.person({ name: '陈一鸣', birthDate: '1985-04-10' });
    dataOf(await world.call(register, 'openid-chen', claim(chen)));

    const again = dataOf(await world.call(register, 'openid-chen', claim(chen)));

    expect(again.outcome === 'registered' && again.people[0]).toMatchObject({
      standing: 'registered',
      newlyRegistered: false,
    });
    expect(await world.storage.enrollments.listByResident(chen.resident.id)).toHaveLength(1);
  });

  it('settles concurrent identical registrations on one enrollment', async () => {
    const chen = await world.person({ name: '陈一鸣', birthDate: '1985-04-10' });

    const results = await Promise.all(
      Array.from({ length: 8 }, () => world.call(register, 'openid-chen', claim(chen))),
    );

    expect(results.every((r) => r.ok)).toBe(true);
    const created = results.filter((r) => r.ok && r.data.outcome === 'registered' && r.data.people[0]?.newlyRegistered);
    expect(created).toHaveLength(1);
    expect(await world.storage.enrollments.listByResident(chen.resident.id)).toHaveLength(1);
  });

  it('asks a first-time household to confirm all its eligible members before registering anyone', async () => {
    const { father, son } = await linFamily();

    const data = dataOf(await world.call(register, 'openid-lin', claim(father)));

    expect(data.outcome).toBe('confirmHousehold');
    if (data.outcome !== 'confirmHousehold') return;
    expect(data.source).toEqual({ document: '泉州台商投资区2025年度工作方案', clause: '四（二）' });
    expect(data.members.map((m) => m.name)).toEqual(['林国栋', '黄*珍', '林*伟', '林*雨']);
    const employee = data.members.find((m) => m.residentId === son.resident.id);
    expect(employee).toMatchObject({ eligible: false, standing: 'none' });
    expect(employee?.reason).toContain('正在参加职工基本医疗保险');
    expect(JSON.stringify(data)).not.toMatch(/\d{17}[\dX]/);
    expect(await world.storage.enrollments.listByResident(father.resident.id)).toHaveLength(0);
  });

  it('registers a first-time household together once the caller confirms the whole household', async () => {
    const { father, mother, son, daughter } = await linFamily();

    const data = dataOf(await world.call(register, 'openid-lin', claim(father, { wholeHousehold: true })));

    expect(data.outcome).toBe('registered');
    if (data.outcome !== 'registered') return;
    expect(data.people.map((p) => p.residentId)).toEqual([
      father.resident.id,
      mother.resident.id,
      daughter.resident.id,
    ]);
    expect(data.people.every((p) => p.newlyRegistered && p.standing === 'registered')).toBe(true);
    expect(data.otherMembers.map((m) => m.residentId)).toEqual([son.resident.id]);
    expect(data.explanation.some((e) => e.source.clause === '四（二）')).toBe(true);
    expect(await world.storage.enrollments.get(son.resident.id, 2025)).toBeNull();
    expect(await world.storage.enrollments.get(daughter.resident.id, 2025)).toMatchObject({ status: 'registered' });
  });

  it('also accepts the whole household listed member by member', async () => {
    const { father, mother, daughter } = await linFamily();

    const data = dataOf(
      await world.call(
        register,
        'openid-lin',
        claim(father, { memberIds: [mother.resident.id, daughter.resident.id] }),
      ),
    );

    expect(data.outcome === 'registered' && data.people).toHaveLength(3);
  });

  it('refuses selective enrollment of a first-time household and cites the whole-household clause', async () => {
    const { father, mother } = await linFamily();

    const error = errorOf(await world.call(register, 'openid-lin', claim(father, { memberIds: [mother.resident.id] })));

    expect(error.code).toBe('WHOLE_HOUSEHOLD_REQUIRED');
    expect(error.message).toContain('不得选择性参保');
    expect(error.message).toContain('林*雨');
    expect(error.message).toContain('四（二）');
    expect(await world.storage.enrollments.listByResident(father.resident.id)).toHaveLength(0);
    expect(await world.storage.enrollments.listByResident(mother.resident.id)).toHaveLength(0);
  });

  it('refuses a first-time household that declines to enroll together', async () => {
    const { father } = await linFamily();

    const error = errorOf(await world.call(register, 'openid-lin', claim(father, { wholeHousehold: false })));

    expect(error.code).toBe('WHOLE_HOUSEHOLD_REQUIRED');
  });

  it('refuses to register someone from outside the household', async () => {
    const { father } = await linFamily();
    const stranger = await world.person({ name: '外人', birthDate: '1980-01-01' });

    const error = errorOf(
      await world.call(register, 'openid-lin', claim(father, { memberIds: [stranger.resident.id] })),
    );

    expect(error.code).toBe('NOT_IN_HOUSEHOLD');
  });

  it('lets a household that is already insured register one more member alone', async () => {
    const { father, mother } = await linFamily();
    await world.paid(father.resident.id, {
      policyId: 'fj-quanzhou-taishang-2024',
      coverageYear: 2024,
      paidOn: '2023-10-01',
      coverageStart: '2024-01-01',
      coverageEnd: '2024-12-31',
      amountFen: 38_000,
    });

    const data = dataOf(await world.call(register, 'openid-mother', claim(mother)));

    expect(data.outcome === 'registered' && data.people.map((p) => p.residentId)).toEqual([mother.resident.id]);
  });

  it("tells last year's enrollee they are renewed by default, citing the clause, and writes nothing", async () => {
    const chen = await world.person({ name: '陈一鸣', birthDate: '1985-04-10' });
    await world.paid(chen.resident.id, {
      policyId: 'fj-quanzhou-taishang-2024',
      coverageYear: 2024,
      paidOn: '2023-10-01',
      coverageStart: '2024-01-01',
      coverageEnd: '2024-12-31',
      amountFen: 38_000,
    });

    const data = dataOf(await world.call(register, 'openid-chen', claim(chen)));

    expect(data.outcome).toBe('registered');
    if (data.outcome !== 'registered') return;
    expect(data.people[0]).toMatchObject({ standing: 'renewed', newlyRegistered: false });
    expect(data.people[0]?.notice).toContain('已默认续保，无需重新登记');
    expect(data.people[0]?.notice).toContain('四（一）');
    expect(data.people[0]?.quote.amountDue).toBe(400);
    expect(await world.storage.enrollments.get(chen.resident.id, 2025)).toBeNull();
  });

  it('refuses someone who already paid for the coverage year', async () => {
    const chen = await world.person({ name: '陈一鸣', birthDate: '1985-04-10' });
    await world.paid(chen.resident.id, {
      ...TAISHANG_2025,
      paidOn: '2024-10-01',
      coverageStart: '2025-01-01',
      amountFen: 40_000,
    });

    const error = errorOf(await world.call(register, 'openid-chen', claim(chen)));

    expect(error).toEqual({
      code: 'ALREADY_ENROLLED',
      message: '您已参加2025年度城乡居民医保并已缴费，不能重复参保。',
    });
  });

  it('refuses a resident covered by employee insurance', async () => {
    const worker = await world.person({ name: '郑工', birthDate: '1988-02-02', inEmployeeInsurance: true });

    const error = errorOf(await world.call(register, 'openid-worker', claim(worker)));

    expect(error.code).toBe('EMPLOYEE_INSURANCE');
    expect(error.message).toContain('您正在参加职工基本医疗保险，不能同时参加城乡居民医保');
    expect(error.message).toContain('三（一）');
    expect(await world.storage.enrollments.listByResident(worker.resident.id)).toHaveLength(0);
  });

  it('links a proven identity even when the registration is refused, so the person can still act for family', async () => {
    const { son } = await linFamily();

    expect(errorOf(await world.call(register, 'openid-son', claim(son))).code).toBe('EMPLOYEE_INSURANCE');

    expect((await world.storage.users.get('openid-son'))?.residentId).toBe(son.resident.id);
  });

  it('refuses to link an account to a child under 14, who is registered by a guardian', async () => {
    const { daughter } = await linFamily();

    const error = errorOf(await world.call(register, 'openid-daughter', claim(daughter)));

    expect(error.code).toBe('GUARDIAN_REQUIRED');
    expect(error.message).toContain('监护人');
    expect(await world.storage.users.get('openid-daughter')).toBeNull();
  });

  it('refuses a resident outside the policy’s scope and lists who is covered', async () => {
    const visitor = await world.person({ name: '游客', birthDate: '1990-05-05', bases: [] });

    const error = errorOf(await world.call(register, 'openid-visitor', claim(visitor)));

    expect(error.code).toBe('NOT_ELIGIBLE');
    expect(error.message).toContain('不属于');
    expect(error.message).toContain('持有本区有效居住证');
  });

  it('accepts a residence-permit holder where the policy lists them', async () => {
    const permit = await world.person({ name: '刘海燕', birthDate: '1988-06-25', bases: ['residencePermit'] });

    const data = dataOf(await world.call(register, 'openid-permit', claim(permit)));

    expect(data.outcome === 'registered' && data.explanation[0]?.text).toContain('居住证');
  });

  it('refuses a name that does not match the ID number and links nobody', async () => {
    const chen = await world.person({ name: '陈一鸣', birthDate: '1985-04-10' });

    const error = errorOf(await world.call(register, 'openid-chen', claim(chen, { name: '陈一明' })));

    expect(error.code).toBe('IDENTITY_NOT_MATCHED');
    expect(await world.storage.users.get('openid-chen')).toBeNull();
  });

  it('refuses an account that already belongs to someone else', async () => {
    const chen = await world.person({ name: '陈一鸣', birthDate: '1985-04-10' });
    const other = await world.person({ name: '王五', birthDate: '1979-07-07' });
    await world.signIn('openid-chen', chen.resident.id);

    const error = errorOf(await world.call(register, 'openid-chen', claim(other)));

    expect(error.code).toBe('ACCOUNT_IS_SOMEONE_ELSE');
  });

  it('refuses an identity another WeChat account already claimed', async () => {
    const chen = await world.person({ name: '陈一鸣', birthDate: '1985-04-10' });
    await world.signIn('openid-first', chen.resident.id);

    const error = errorOf(await world.call(register, 'openid-second', claim(chen)));

    expect(error.code).toBe('IDENTITY_LINKED_ELSEWHERE');
  });

  it("refuses once the year's last payment window has closed", async () => {
    const youxi = await world.person({ name: '郑大山', birthDate: '1970-08-08', locality: YOUXI });

    const error = errorOf(await world.call(register, 'openid-youxi', claim(youxi), '2024-11-15'));

    expect(error.code).toBe('WINDOW_CLOSED');
    expect(error.message).toContain('2024-11-01');
    expect(error.message).toContain('尤政办〔2023〕35号');
  });

  it('refuses when no policy year is open in the locality and names the years we have', async () => {
    const chen = await world.person({ name: '陈一鸣', birthDate: '1985-04-10', locality: TAISHANG });

    const error = errorOf(await world.call(register, 'openid-chen', claim(chen), '2024-08-01'));

    expect(error.code).toBe('NO_POLICY');
    expect(error.message).toContain('2025年度');
  });

  it('refuses a caller the platform does not vouch for', async () => {
    const chen = await world.person({ name: '陈一鸣', birthDate: '1985-04-10' });

    const error = errorOf(await world.call(register, null, claim(chen)));

    expect(error.code).toBe('UNAUTHENTICATED');
  });

  it('ignores an OPENID smuggled into the event', async () => {
    const chen = await world.person({ name: '陈一鸣', birthDate: '1985-04-10' });

    const error = errorOf(await world.call(register, 'openid-chen', { ...claim(chen), openid: 'someone-else' }));

    expect(error.code).toBe('INVALID_INPUT');
    expect(await world.storage.users.get('someone-else')).toBeNull();
  });
});
