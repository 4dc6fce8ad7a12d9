import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { benefits } from '../../cloudfunctions/benefits';
import { dataOf, errorOf, openWorld, YOUXI, type Person, type World } from './enrollment-world';

const TAISHANG_PAID = {
  policyId: 'fj-quanzhou-taishang-2025',
  coverageYear: 2025,
  paidOn: '2024-10-01',
  coverageStart: '2025-01-01',
  coverageEnd: '2025-12-31',
  amountFen: 40_000,
};

describe('benefits (待遇查询)', () => {
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

  it('shows my paid year: paid on, amount, cover dates, days of waiting left and the clauses', async () => {
    await world.paid(me.resident.id, TAISHANG_PAID);

    const data = dataOf(await world.call(benefits, 'openid-me', {}));

    expect(data).toMatchObject({ today: '2024-11-15', identified: true, year: null });
    expect(data.people).toHaveLength(1);
    const [self] = data.people;
    expect(self).toMatchObject({ relationship: 'self', name: '陈一鸣', idMasked: me.resident.idMasked });
    expect(self?.years[0]).toMatchObject({
      coverageYear: 2025,
      status: 'paid',
      paidOn: '2024-10-01',
      amount: 400,
      coverageStart: '2025-01-01',
      coverageEnd: '2025-12-31',
      coveredToday: false,
      waitingDaysLeft: 47,
      todayQuote: null,
    });
    expect(self?.years[0]?.explanation.some((e) => e.text.includes('集中参保缴费期'))).toBe(true);
    expect(JSON.stringify(data)).not.toContain(me.idNumber);
  });

  it('counts the waiting days of a back-payment down to zero once cover has started', async () => {
    const youxi = await world.person({ name: '郑大山', birthDate: '1970-08-08', locality: YOUXI });
    await world.signIn('openid-youxi', youxi.resident.id);
    await world.paid(youxi.resident.id, {
      policyId: 'fj-youxi-2024',
      coverageYear: 2024,
      paidOn: '2024-06-01',
      coverageStart: '2024-08-01',
      coverageEnd: '2024-12-31',
      amountFen: 38_000,
    });

    const waiting = dataOf(await world.call(benefits, 'openid-youxi', {}, '2024-07-20')).people[0]?.years[0];
    const started = dataOf(await world.call(benefits, 'openid-youxi', {}, '2024-08-05')).people[0]?.years[0];

    expect(waiting).toMatchObject({ waitingDaysLeft: 12, coveredToday: false });
    expect(waiting?.explanation.some((e) => e.text.includes('60天'))).toBe(true);
    expect(started).toMatchObject({ waitingDaysLeft: 0, coveredToday: true });
  });

  it('gives no waiting count for a payment that bought no cover in its year', async () => {
    await world.paid(me.resident.id, { ...TAISHANG_PAID, paidOn: '2025-11-01', coverageStart: null });

    const year = dataOf(await world.call(benefits, 'openid-me', {}, '2025-11-20')).people[0]?.years[0];

    expect(year).toMatchObject({ coverageStart: null, waitingDaysLeft: null, coveredToday: false });
    expect(year?.summary).toContain('不能享受待遇');
  });

  it("shows a registered, unpaid year with today's price", async () => {
    await world.registered(me.resident.id, 'fj-quanzhou-taishang-2025', 2025, '2025-12-31');

    const year = dataOf(await world.call(benefits, 'openid-me', {})).people[0]?.years[0];

    expect(year).toMatchObject({
      status: 'registered',
      paidOn: null,
      amount: null,
      coverageStart: null,
      waitingDaysLeft: null,
    });
    expect(year?.todayQuote).toMatchObject({ payable: true, amountDue: 400, coverageStart: '2025-01-01' });
  });

  it('includes a relative who confirmed the binding, but not one whose binding is pending or revoked', async () => {
    const mother = await world.person({ name: '黄秀珍', birthDate: '1958-06-15' });
    const uncle = await world.person({ name: '陈叔', birthDate: '1960-01-01' });
    const cousin = await world.person({ name: '陈表', birthDate: '1990-01-01' });
    for (const p of [mother, uncle, cousin]) await world.paid(p.resident.id, TAISHANG_PAID);
    await world.bind('openid-me', mother.resident.id, 'parent', 'confirmed');
    await world.bind('openid-me', uncle.resident.id, 'other', 'pending');
    await world.bind('openid-me', cousin.resident.id, 'other', 'revoked');

    const data = dataOf(await world.call(benefits, 'openid-me', {}));

    expect(data.people.map((p) => [p.relationship, p.name])).toEqual([
      ['self', '陈一鸣'],
      ['parent', '黄秀珍'],
    ]);
    expect(data.people[1]?.years[0]).toMatchObject({ status: 'paid', amount: 400 });
    expect(JSON.stringify(data)).not.toContain(uncle.resident.id);
    expect(JSON.stringify(data)).not.toContain(cousin.resident.id);
  });

  it("never shows a relative through someone else's binding", async () => {
    const mother = await world.person({ name: '黄秀珍', birthDate: '1958-06-15' });
    await world.bind('openid-sister', mother.resident.id, 'parent', 'confirmed');

    const data = dataOf(await world.call(benefits, 'openid-me', {}));

    expect(data.people.map((p) => p.residentId)).toEqual([me.resident.id]);
  });

  it('narrows the answer to one coverage year', async () => {
    await world.paid(me.resident.id, TAISHANG_PAID);
    await world.paid(me.resident.id, {
      ...TAISHANG_PAID,
      policyId: 'fj-quanzhou-taishang-2024',
      coverageYear: 2024,
      paidOn: '2023-10-01',
      coverageStart: '2024-01-01',
      coverageEnd: '2024-12-31',
    });

    const all = dataOf(await world.call(benefits, 'openid-me', {}));
    const one = dataOf(await world.call(benefits, 'openid-me', { year: 2024 }));

    expect(all.people[0]?.years.map((y) => y.coverageYear)).toEqual([2025, 2024]);
    expect(one.people[0]?.years.map((y) => y.coverageYear)).toEqual([2024]);
    expect(one.people[0]?.years[0]).toMatchObject({
      policyName: null,
      explanation: [],
      coveredToday: true,
      waitingDaysLeft: 0,
    });
  });

  it('shows consenting relatives to a caller who has not said who they are yet', async () => {
    const mother = await world.person({ name: '黄秀珍', birthDate: '1958-06-15' });
    await world.bind('openid-new', mother.resident.id, 'parent', 'confirmed');

    const data = dataOf(await world.call(benefits, 'openid-new', {}));

    expect(data.identified).toBe(false);
    expect(data.people.map((p) => p.relationship)).toEqual(['parent']);
  });

  it('refuses a year that is not a number', async () => {
    const error = errorOf(await world.call(benefits, 'openid-me', { year: '2025' }));

    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe('年度应为数字');
  });
});
