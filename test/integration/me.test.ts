import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { me as meFunction } from '../../cloudfunctions/me';
import { dataOf, openWorld, YOUXI, type Person, type World } from './enrollment-world';

const TAISHANG_2025 = 'fj-quanzhou-taishang-2025';

describe('me (首页)', () => {
  let world: World;
  let me: Person;
  beforeEach(async () => {
    world = await openWorld();
    me = await world.person({ name: '陈一鸣', birthDate: '1985-04-10' });
    await world.signIn('openid-me', me.resident.id);
  });
  afterEach(async () => {
    await world.close();
  });

  it('shows who I am, my policy year and its deadlines with the days left as of today', async () => {
    const data = dataOf(await world.call(meFunction, 'openid-me', {}));

    expect(data.today).toBe('2024-11-15');
    expect(data.me).toEqual({ residentId: me.resident.id, name: '陈一鸣', idMasked: me.resident.idMasked });
    expect(data.policy).toMatchObject({ id: TAISHANG_2025, coverageYear: 2025, coverageStart: '2025-01-01' });
    expect(data.noPolicyReason).toBeNull();
    expect(data.deadlines.map((d) => [d.windowId, d.state, d.daysLeft, d.daysUntilStart, d.familyPayment])).toEqual([
      ['central', 'open', 47, null, true],
      ['extension', 'upcoming', null, 47, true],
      ['back-payment', 'upcoming', null, 106, false],
    ]);
    expect(data.deadlines[0]?.source).toEqual({
      document: '泉州台商投资区2025年度工作方案',
      clause: expect.any(String),
    });
    expect(JSON.stringify(data)).not.toContain(me.idNumber);
  });

  it('says what I still owe when I registered but have not paid', async () => {
    await world.registered(me.resident.id, TAISHANG_2025, 2025, '2025-12-31');

    const data = dataOf(await world.call(meFunction, 'openid-me', {}));

    expect(data.people[0]).toMatchObject({
      relationship: 'self',
      standing: 'registered',
      amountDue: 400,
      coverageYear: 2025,
    });
    expect(data.people[0]?.notice).toContain('今天缴费400元，2025-01-01起享受待遇');
    expect(data.totalDue).toBe(400);
  });

  it("counts last year's enrollee as renewed by default and shows what they owe", async () => {
    await world.paid(me.resident.id, {
      policyId: 'fj-quanzhou-taishang-2024',
      coverageYear: 2024,
      paidOn: '2023-10-01',
      coverageStart: '2024-01-01',
      coverageEnd: '2024-12-31',
      amountFen: 38_000,
    });

    const person = dataOf(await world.call(meFunction, 'openid-me', {})).people[0];

    expect(person).toMatchObject({ standing: 'renewed', amountDue: 400 });
    expect(person?.notice).toContain('已默认续保，无需重新登记');
    expect(person?.notice).toContain('四（一）');
  });

  it('owes nothing once the year is paid', async () => {
    await world.paid(me.resident.id, {
      policyId: TAISHANG_2025,
      coverageYear: 2025,
      paidOn: '2024-10-01',
      coverageStart: '2025-01-01',
      coverageEnd: '2025-12-31',
      amountFen: 40_000,
    });

    const data = dataOf(await world.call(meFunction, 'openid-me', {}));

    expect(data.people[0]).toMatchObject({ standing: 'paid', amountDue: null });
    expect(data.people[0]?.notice).toContain('2025-01-01起享受待遇');
    expect(data.totalDue).toBe(0);
  });

  it('shows what enrolling would cost someone not yet enrolled, without counting it as owed', async () => {
    const data = dataOf(await world.call(meFunction, 'openid-me', {}));

    expect(data.people[0]).toMatchObject({ standing: 'none', amountDue: null });
    expect(data.people[0]?.quote).toMatchObject({ payable: true, amountDue: 400 });
    expect(data.totalDue).toBe(0);
  });

  it('adds what consenting relatives owe, at their certified subsidy, and leaves out pending ones', async () => {
    const mother = await world.person({ name: '黄秀珍', birthDate: '1958-06-15' });
    const uncle = await world.person({ name: '陈叔', birthDate: '1960-01-01' });
    await world.storage.subsidies.certify({
      residentId: mother.resident.id,
      policyId: TAISHANG_2025,
      categoryId: 'minimum-living',
      certifiedOn: '2024-08-20',
      authority: '民政部门',
    });
    for (const p of [me, mother, uncle]) await world.registered(p.resident.id, TAISHANG_2025, 2025, '2025-12-31');
    await world.bind('openid-me', mother.resident.id, 'parent', 'confirmed');
    await world.bind('openid-me', uncle.resident.id, 'other', 'pending');

    const data = dataOf(await world.call(meFunction, 'openid-me', {}));

    expect(data.people.map((p) => p.relationship)).toEqual(['self', 'parent']);
    const motherDue = data.people[1]?.amountDue ?? -1;
    expect(motherDue).toBeGreaterThanOrEqual(0);
    expect(motherDue).toBeLessThan(400);
    expect(data.people[1]?.quote?.subsidyAmount).toBeGreaterThan(0);
    expect(data.totalDue).toBe(400 + motherDue);
  });

  it('marks someone in employee insurance as not eligible, with nothing owed', async () => {
    const worker = await world.person({ name: '郑工', birthDate: '1988-02-02', inEmployeeInsurance: true });
    await world.signIn('openid-worker', worker.resident.id);

    const person = dataOf(await world.call(meFunction, 'openid-worker', {})).people[0];

    expect(person).toMatchObject({ standing: 'notEligible', amountDue: null, quote: null });
    expect(person?.notice).toContain('正在参加职工基本医疗保险');
  });

  it('owes nothing today once the payment windows have closed', async () => {
    const youxi = await world.person({ name: '郑大山', birthDate: '1970-08-08', locality: YOUXI });
    await world.signIn('openid-youxi', youxi.resident.id);
    await world.registered(youxi.resident.id, 'fj-youxi-2024', 2024, '2024-12-31');

    const data = dataOf(await world.call(meFunction, 'openid-youxi', {}));

    expect(data.people[0]).toMatchObject({ standing: 'registered', amountDue: null });
    expect(data.people[0]?.notice).toContain('2024-11-01');
    expect(data.deadlines.every((d) => d.state === 'closed')).toBe(true);
  });

  it('says when no policy year is open, naming the years we have', async () => {
    const data = dataOf(await world.call(meFunction, 'openid-me', {}, '2024-08-01'));

    expect(data.policy).toBeNull();
    expect(data.noPolicyReason).toContain('2025年度');
    expect(data.deadlines).toEqual([]);
    expect(data.people[0]).toMatchObject({ standing: 'noPolicy', coverageYear: null, amountDue: null });
  });

  it('greets a caller who has not said who they are with nothing but their consenting relatives', async () => {
    const data = dataOf(await world.call(meFunction, 'openid-new', {}));

    expect(data).toMatchObject({ me: null, policy: null, deadlines: [], people: [], totalDue: 0 });
  });
});
