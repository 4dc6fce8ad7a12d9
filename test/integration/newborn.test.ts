import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newborn } from '../../cloudfunctions/newborn';
import { dataOf, errorOf, idNumberFor, LINGBI, openWorld, type Person, type World } from './enrollment-world';

const CERTIFICATE = 'Q350123456';

describe('newborn (新生儿参保)', () => {
  let world: World;
  let parent: Person;
  beforeEach(async () => {
    world = await openWorld();
    const householdId = await world.household('h-chen');
    parent = await world.person({ name: '陈志强', birthDate: '1992-01-30', householdId, relationToHead: 'self' });
    await world.signIn('openid-chen', parent.resident.id);
  });
  afterEach(async () => {
    await world.close();
  });

  const byCertificate = (birthDate: string, certificateNumber = CERTIFICATE) => ({
    kind: 'birthCertificate',
    name: '陈安安',
    certificateNumber,
    sex: 'female',
    birthDate,
  });
  const enroll = (baby: unknown, coverageYears: number[]) => ({
    action: 'enroll',
    baby,
    relationship: 'parent',
    coverageYears,
  });

  it('answers up front: days since birth, the 90-day period, and the next year for a baby born late in the year', async () => {
    const data = dataOf(
      await world.call(newborn, 'openid-chen', { action: 'check', baby: byCertificate('2024-10-08') }),
    );

    expect(data.daysSinceBirth).toBe(38);
    expect(data.newbornRule).toMatchObject({ withinDays: 90, lastDay: '2025-01-06', withinPeriod: true, daysLeft: 52 });
    expect(data.newbornRule?.source.clause).toBe('四（五）');
    expect(data.years.map((y) => [y.coverageYear, y.offered])).toEqual([
      [2024, false],
      [2025, true],
    ]);
    expect(data.years[0]?.note).toContain('暂未收录当地2024年度');
    expect(data.years[1]?.quote).toMatchObject({ payable: true, amountDue: 400, coverageStart: '2025-01-01' });
    expect(data.baby).toMatchObject({ residentId: null, documentMasked: '******3456', identity: 'birthCertificate' });
    expect(data.boundToCaller).toBe(false);
    expect(await world.storage.residents.listByHousehold('h-chen')).toHaveLength(1);
  });

  it('enrolls a baby by birth certificate into the parent’s household and binds the parent as guardian', async () => {
    const data = dataOf(await world.call(newborn, 'openid-chen', enroll(byCertificate('2024-10-08'), [2025])));

    const residentId = data.baby.residentId ?? '';
    expect(data.years.find((y) => y.coverageYear === 2025)?.enrollment).toEqual({
      status: 'registered',
      newlyRegistered: true,
    });
    expect(data.boundToCaller).toBe(true);
    expect(JSON.stringify(data)).not.toContain(CERTIFICATE);

    const baby = await world.storage.residents.get(residentId);
    expect(baby).toMatchObject({
      name: '陈安安',
      birthDate: '2024-10-08',
      sex: 'female',
      householdId: 'h-chen',
      relationToHead: 'child',
    });
    expect(baby && world.pii.openIdNumber(baby.idSealed)).toBe(CERTIFICATE);
    expect(await world.storage.enrollments.get(residentId, 2025)).toMatchObject({
      status: 'registered',
      registeredBy: 'openid-chen',
    });
    expect(await world.storage.familyBindings.findByOwnerAndResident('openid-chen', residentId)).toMatchObject({
      status: 'confirmed',
      relationship: 'child',
      confirmedBy: 'guardian',
    });
  });

  it('answers a retry without a second baby, enrollment or binding', async () => {
    const first = dataOf(
      await world.call(newborn, 'openid-chen', enroll(byCertificate('2024-10-08', 'q 350123456'), [2025])),
    );
    const again = dataOf(await world.call(newborn, 'openid-chen', enroll(byCertificate('2024-10-08'), [2025])));

    expect(again.baby.residentId).toBe(first.baby.residentId);
    expect(again.years.find((y) => y.coverageYear === 2025)?.enrollment).toEqual({
      status: 'registered',
      newlyRegistered: false,
    });
    expect(await world.storage.residents.listByHousehold('h-chen')).toHaveLength(2);
    expect(await world.storage.familyBindings.listByOwner('openid-chen')).toHaveLength(1);
  });

  it('settles concurrent identical enrollments on one baby, one enrollment and one binding', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => world.call(newborn, 'openid-chen', enroll(byCertificate('2024-10-08'), [2025]))),
    );

    expect(results.every((r) => r.ok)).toBe(true);
    const babies = await world.storage.residents.listByHousehold('h-chen');
    expect(babies).toHaveLength(2);
    const baby = babies.find((r) => r.id !== parent.resident.id);
    expect(await world.storage.enrollments.listByResident(baby?.id ?? '')).toHaveLength(1);
    expect(await world.storage.familyBindings.listByOwner('openid-chen')).toHaveLength(1);
  });

  it('refuses a year whose policy we do not have yet', async () => {
    const error = errorOf(await world.call(newborn, 'openid-chen', enroll(byCertificate('2024-10-08'), [2024])));

    expect(error.code).toBe('NO_POLICY');
    expect(error.message).toContain('2024年度');
  });

  it('refuses a year that is not on offer', async () => {
    const error = errorOf(await world.call(newborn, 'openid-chen', enroll(byCertificate('2024-10-08'), [2026])));

    expect(error.code).toBe('YEAR_NOT_OFFERED');
  });

  it('refuses a baby who is already one year old', async () => {
    const error = errorOf(
      await world.call(newborn, 'openid-chen', { action: 'check', baby: byCertificate('2023-11-15') }),
    );

    expect(error.code).toBe('NEWBORN_TOO_OLD');
    expect(error.message).toContain('已满1周岁，请按普通居民参保');
  });

  it('refuses a birth date in the future', async () => {
    const error = errorOf(
      await world.call(newborn, 'openid-chen', { action: 'check', baby: byCertificate('2024-11-16') }),
    );

    expect(error.code).toBe('BIRTH_DATE_IN_FUTURE');
  });

  it('refuses a certificate number that is not one letter and nine digits', async () => {
    const error = errorOf(
      await world.call(newborn, 'openid-chen', { action: 'check', baby: byCertificate('2024-10-08', '35012345') }),
    );

    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(error.message).toContain('1个英文字母加9位数字');
  });

  it('refuses to enroll a baby again once it is paid for', async () => {
    const first = dataOf(await world.call(newborn, 'openid-chen', enroll(byCertificate('2024-10-08'), [2025])));
    await world.storage.enrollments.update(first.baby.residentId ?? '', 2025, 'registered', {
      status: 'paid',
      paidOn: '2024-11-15',
      coverageStart: '2025-01-01',
      updatedAt: '2024-11-15T02:00:00.000Z',
    });

    const error = errorOf(await world.call(newborn, 'openid-chen', enroll(byCertificate('2024-10-08'), [2025])));

    expect(error.code).toBe('ALREADY_ENROLLED');
  });

  it('enrolls a baby the household register already has, by its ID number', async () => {
    const baby = await world.person({
      name: '陈小宝',
      birthDate: '2024-10-08',
      householdId: 'h-chen',
      relationToHead: 'child',
    });

    const data = dataOf(
      await world.call(
        newborn,
        'openid-chen',
        enroll({ kind: 'idNumber', name: '陈小宝', idNumber: baby.idNumber }, [2025]),
      ),
    );

    expect(data.baby).toMatchObject({
      residentId: baby.resident.id,
      identity: 'idNumber',
      documentMasked: baby.resident.idMasked,
    });
    expect(await world.storage.residents.listByHousehold('h-chen')).toHaveLength(2);
    expect(await world.storage.enrollments.get(baby.resident.id, 2025)).toMatchObject({ status: 'registered' });
  });

  it('refuses someone the household register does not show as the baby’s parent', async () => {
    const baby = await world.person({
      name: '陈小宝',
      birthDate: '2024-10-08',
      householdId: 'h-chen',
      relationToHead: 'child',
    });
    const neighbour = await world.person({ name: '邻居', birthDate: '1990-01-01' });
    await world.signIn('openid-neighbour', neighbour.resident.id);

    const error = errorOf(
      await world.call(
        newborn,
        'openid-neighbour',
        enroll({ kind: 'idNumber', name: '陈小宝', idNumber: baby.idNumber }, [2025]),
      ),
    );

    expect(error.code).toBe('NOT_PARENT');
    expect(await world.storage.enrollments.get(baby.resident.id, 2025)).toBeNull();
  });

  it('refuses a caller who has not said who they are', async () => {
    const error = errorOf(
      await world.call(newborn, 'openid-unknown', { action: 'check', baby: byCertificate('2024-10-08') }),
    );

    expect(error.code).toBe('NOT_IDENTIFIED');
  });

  it('asks the caller whether they are the parent or a guardian', async () => {
    const error = errorOf(
      await world.call(newborn, 'openid-chen', {
        action: 'enroll',
        baby: byCertificate('2024-10-08'),
        relationship: 'neighbour',
        coverageYears: [2025],
      }),
    );

    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('父母还是监护人');
  });

  it('lets only a parent enroll a baby the registry does not know yet', async () => {
    const error = errorOf(
      await world.call(newborn, 'openid-chen', {
        action: 'enroll',
        baby: byCertificate('2024-10-08'),
        relationship: 'guardian',
        coverageYears: [2025],
      }),
    );

    expect(error.code).toBe('NOT_PARENT');
    expect(await world.storage.residents.listByHousehold('h-chen')).toHaveLength(1);
  });

  it('lets a grandparent the household register shows as guardian enroll the baby, bound as grandchild', async () => {
    const householdId = await world.household('h-wang');
    const grandmother = await world.person({
      name: '王桂兰',
      birthDate: '1958-12-03',
      householdId,
      relationToHead: 'self',
    });
    await world.person({ name: '王军', birthDate: '1990-05-05', householdId, relationToHead: 'child' });
    const baby = await world.person({
      name: '王小米',
      birthDate: '2024-10-20',
      householdId,
      relationToHead: 'grandchild',
    });
    await world.signIn('openid-wang', grandmother.resident.id);

    const data = dataOf(
      await world.call(newborn, 'openid-wang', {
        action: 'enroll',
        baby: { kind: 'idNumber', name: '王小米', idNumber: baby.idNumber },
        relationship: 'guardian',
        coverageYears: [2025],
      }),
    );

    expect(data.boundToCaller).toBe(true);
    expect(await world.storage.familyBindings.findByOwnerAndResident('openid-wang', baby.resident.id)).toMatchObject({
      relationship: 'grandchild',
      status: 'confirmed',
      confirmedBy: 'guardian',
    });
  });

  describe('in Lingbi, where a newborn enrolls with its ID number within 90 days', () => {
    let lingbiParent: Person;
    const BIRTH = '2023-03-01';
    const babyId = idNumberFor(LINGBI, BIRTH, 124);
    const byId = { kind: 'idNumber', name: '赵小禾', idNumber: babyId };

    beforeEach(async () => {
      const householdId = await world.household('h-zhao', LINGBI);
      lingbiParent = await world.person({
        name: '赵德福',
        birthDate: '1990-02-14',
        locality: LINGBI,
        householdId,
        relationToHead: 'self',
      });
      await world.signIn('openid-zhao', lingbiParent.resident.id);
    });

    it('refuses a birth certificate and cites the clause', async () => {
      const error = errorOf(
        await world.call(newborn, 'openid-zhao', { action: 'check', baby: byCertificate(BIRTH) }, '2023-04-01'),
      );

      expect(error.code).toBe('ID_NUMBER_REQUIRED');
      expect(error.message).toContain('朱政〔2022〕34号 三（二）1');
    });

    it('on day 90 covers the baby from birth', async () => {
      const data = dataOf(await world.call(newborn, 'openid-zhao', enroll(byId, [2023]), '2023-05-30'));

      expect(data.daysSinceBirth).toBe(90);
      expect(data.newbornRule).toMatchObject({ withinPeriod: true, lastDay: '2023-05-30', daysLeft: 0 });
      expect(data.years).toHaveLength(1);
      expect(data.years[0]).toMatchObject({ coverageYear: 2023, offered: true });
      expect(data.years[0]?.quote).toMatchObject({ payable: true, coverageStart: BIRTH });
      expect(data.years[0]?.enrollment).toEqual({ status: 'registered', newlyRegistered: true });
      expect((await world.storage.residents.get(data.baby.residentId ?? ''))?.localityCode).toBe(LINGBI);
    });

    it('on day 91 says the newborn period has passed and refuses to enroll, citing the clause', async () => {
      const check = dataOf(await world.call(newborn, 'openid-zhao', { action: 'check', baby: byId }, '2023-05-31'));
      expect(check.newbornRule).toMatchObject({ withinPeriod: false, daysLeft: 0 });
      expect(check.years[0]).toMatchObject({ offered: false });

      const error = errorOf(await world.call(newborn, 'openid-zhao', enroll(byId, [2023]), '2023-05-31'));

      expect(error.code).toBe('NEWBORN_PERIOD_PASSED');
      expect(error.message).toContain('三（二）1');
    });

    it('offers the next year to a baby born late in the year only as far as we have its policy', async () => {
      const lateId = idNumberFor(LINGBI, '2023-11-20', 126);
      const data = dataOf(
        await world.call(
          newborn,
          'openid-zhao',
          { action: 'check', baby: { kind: 'idNumber', name: '赵冬冬', idNumber: lateId } },
          '2023-12-01',
        ),
      );

      expect(data.years.map((y) => [y.coverageYear, y.offered])).toEqual([
        [2023, true],
        [2024, false],
      ]);
      expect(data.years[1]).toMatchObject({ policy: null, quote: null });
      expect(data.years[1]?.note).toContain('暂未收录当地2024年度');
    });
  });
});
