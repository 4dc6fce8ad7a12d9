/**
 * The storage port's contract: every adapter must pass it. Each test gets a fresh, empty storage from
 * the factory; `reopen` closes it and opens the same database again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStorageConflict, StorageMisuse, type UniqueConstraint } from '../../cloudfunctions/lib/storage/errors';
import type { Storage } from '../../cloudfunctions/lib/storage/port';
import type {
  Enrollment,
  FamilyBinding,
  Household,
  Order,
  Resident,
  User,
} from '../../cloudfunctions/lib/storage/records';

export type StorageHarness = {
  storage: Storage;
  /** Closes the storage and opens the same database again. */
  reopen(): Promise<Storage>;
  /** Closes whatever is open and removes the database. */
  dispose(): Promise<void>;
};

export type StorageFactory = () => Promise<StorageHarness>;

const T0 = '2024-11-15T02:00:00.000Z';
const T1 = '2024-11-15T02:05:00.000Z';
const T2 = '2024-11-15T02:10:00.000Z';

export function aHousehold(overrides: Partial<Household> = {}): Household {
  return {
    id: 'h-1',
    localityCode: '350521',
    address: '惠安县东园镇',
    headResidentId: null,
    createdAt: T0,
    ...overrides,
  };
}

export function aResident(overrides: Partial<Resident> = {}): Resident {
  const id = overrides.id ?? 'r-1';
  return {
    id,
    idSealed: `v1.sealed.${id}`,
    idLookupKey: `lookup-${id}`,
    idMasked: '350***********1234',
    name: '张三',
    birthDate: '1980-05-01',
    sex: 'male',
    householdId: null,
    relationToHead: null,
    bases: ['hukou'],
    localityCode: '350521',
    student: null,
    inEmployeeInsurance: false,
    employeeInsuranceEndedOn: null,
    employeeInsuranceYears: null,
    createdAt: T0,
    ...overrides,
  };
}

export function anEnrollment(overrides: Partial<Enrollment> = {}): Enrollment {
  return {
    residentId: 'r-1',
    policyId: 'fj-quanzhou-taishang-2025',
    coverageYear: 2025,
    status: 'registered',
    registeredOn: '2024-11-15',
    registeredBy: 'openid-a',
    paidOn: null,
    coverageStart: null,
    coverageEnd: '2025-12-31',
    orderNo: null,
    updatedAt: T0,
    ...overrides,
  };
}

export function anOrder(overrides: Partial<Order> = {}): Order {
  return {
    orderNo: 'ORD20241115000001',
    payerOpenid: 'openid-a',
    idempotencyKey: 'key-1',
    source: 'wechat',
    state: 'pending',
    items: [{ residentId: 'r-1', policyId: 'fj-quanzhou-taishang-2025', coverageYear: 2025, amountFen: 40_000 }],
    totalFen: 40_000,
    createdAt: T0,
    updatedAt: T0,
    expiresAt: T1,
    paidAt: null,
    transactionId: null,
    failureReason: null,
    ...overrides,
  };
}

export function aBinding(overrides: Partial<FamilyBinding> = {}): FamilyBinding {
  return {
    id: 'b-1',
    ownerOpenid: 'openid-a',
    residentId: 'r-2',
    relationship: 'parent',
    status: 'pending',
    consentCodeHash: 'code-hash-1',
    consentExpiresAt: T2,
    consentAttempts: 0,
    confirmedBy: null,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function aUser(overrides: Partial<User> = {}): User {
  return { openid: 'openid-a', residentId: 'r-1', createdAt: T0, updatedAt: T0, ...overrides };
}

async function expectConflict(promise: Promise<unknown>, constraint: UniqueConstraint): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isStorageConflict(error, constraint), `expected StorageConflict(${constraint}), got ${String(error)}`).toBe(
    true,
  );
}

/** Two residents (r-1, r-2) every test can lean on. */
async function seedTwoResidents(storage: Storage): Promise<void> {
  await storage.residents.insert(aResident());
  await storage.residents.insert(aResident({ id: 'r-2', name: '张母', birthDate: '1955-03-02', sex: 'female' }));
}

export function describeStorageContract(adapterName: string, factory: StorageFactory): void {
  describe(`storage contract: ${adapterName}`, () => {
    let harness: StorageHarness;
    let storage: Storage;

    beforeEach(async () => {
      harness = await factory();
      storage = harness.storage;
    });

    afterEach(async () => {
      await harness.dispose();
    });

    describe('residents and households', () => {
      it('finds a resident by id and by ID lookup key, and answers null for strangers', async () => {
        await seedTwoResidents(storage);
        expect(await storage.residents.get('r-1')).toEqual(aResident());
        expect(await storage.residents.findByIdLookupKey('lookup-r-2')).toMatchObject({ id: 'r-2', name: '张母' });
        expect(await storage.residents.get('nobody')).toBeNull();
        expect(await storage.residents.findByIdLookupKey('lookup-nobody')).toBeNull();
      });

      it('keeps every field of a resident, students and employee-insurance history included', async () => {
        const student = aResident({
          id: 'r-s',
          bases: ['student', 'residencePermit'],
          student: { status: 'enrolled', level: 'university' },
          inEmployeeInsurance: false,
          employeeInsuranceEndedOn: '2024-06-30',
          employeeInsuranceYears: 2.5,
          relationToHead: 'child',
        });
        await storage.residents.insert(student);
        expect(await storage.residents.get('r-s')).toEqual(student);
      });

      it('refuses a second resident with the same ID number', async () => {
        await storage.residents.insert(aResident());
        await expectConflict(
          storage.residents.insert(aResident({ id: 'r-9', idLookupKey: 'lookup-r-1' })),
          'resident_id_lookup',
        );
      });

      it('refuses a second resident with the same id', async () => {
        await storage.residents.insert(aResident());
        await expectConflict(storage.residents.insert(aResident({ idLookupKey: 'other' })), 'resident');
      });

      it('lists a household oldest first and fetches several residents at once', async () => {
        await storage.transaction(async (tx) => {
          await tx.households.insert(aHousehold({ headResidentId: 'r-1' }));
          await tx.residents.insert(aResident({ householdId: 'h-1', relationToHead: 'self' }));
          await tx.residents.insert(
            aResident({ id: 'r-2', householdId: 'h-1', relationToHead: 'parent', birthDate: '1955-03-02' }),
          );
          await tx.residents.insert(
            aResident({ id: 'r-3', householdId: 'h-1', relationToHead: 'child', birthDate: '2024-10-08' }),
          );
        });
        expect(await storage.households.get('h-1')).toEqual(aHousehold({ headResidentId: 'r-1' }));
        expect((await storage.residents.listByHousehold('h-1')).map((r) => r.id)).toEqual(['r-2', 'r-1', 'r-3']);
        expect((await storage.residents.getMany(['r-3', 'r-1', 'missing'])).map((r) => r.id).sort()).toEqual([
          'r-1',
          'r-3',
        ]);
        expect(await storage.residents.getMany([])).toEqual([]);
        await expectConflict(storage.households.insert(aHousehold()), 'household');
      });
    });

    describe('certified subsidy lists', () => {
      it('lists a resident’s certifications for one policy only, and refuses duplicates', async () => {
        await seedTwoResidents(storage);
        const dibao = {
          residentId: 'r-1',
          policyId: 'fj-quanzhou-taishang-2025',
          categoryId: 'dibao',
          certifiedOn: '2024-08-01',
          authority: '民政部门',
        };
        await storage.subsidies.certify(dibao);
        await storage.subsidies.certify({ ...dibao, policyId: 'fj-youxi-2024' });
        expect(await storage.subsidies.listForResident('r-1', 'fj-quanzhou-taishang-2025')).toEqual([dibao]);
        expect(await storage.subsidies.listForResident('r-2', 'fj-quanzhou-taishang-2025')).toEqual([]);
        await expectConflict(
          storage.subsidies.certify({ ...dibao, certifiedOn: '2024-09-01' }),
          'subsidy_certification',
        );
      });
    });

    describe('enrollments', () => {
      it('allows one enrollment per resident and coverage year', async () => {
        await seedTwoResidents(storage);
        await storage.enrollments.insert(anEnrollment());
        await storage.enrollments.insert(
          anEnrollment({ coverageYear: 2024, policyId: 'fj-youxi-2024', coverageEnd: '2024-12-31' }),
        );
        await expectConflict(storage.enrollments.insert(anEnrollment({ registeredBy: 'openid-b' })), 'enrollment');
        expect(await storage.enrollments.get('r-1', 2025)).toEqual(anEnrollment());
        expect((await storage.enrollments.listByResident('r-1')).map((e) => e.coverageYear)).toEqual([2025, 2024]);
      });

      it('updates an enrollment only from the expected status', async () => {
        await seedTwoResidents(storage);
        await storage.enrollments.insert(anEnrollment());
        const paid = await storage.enrollments.update('r-1', 2025, 'registered', {
          status: 'paid',
          paidOn: '2024-11-15',
          coverageStart: '2025-01-01',
          orderNo: 'ORD1',
          updatedAt: T1,
        });
        expect(paid).toEqual(
          anEnrollment({
            status: 'paid',
            paidOn: '2024-11-15',
            coverageStart: '2025-01-01',
            orderNo: 'ORD1',
            updatedAt: T1,
          }),
        );
        expect(
          await storage.enrollments.update('r-1', 2025, 'registered', { status: 'paid', updatedAt: T2 }),
        ).toBeNull();
        expect(
          await storage.enrollments.update('r-2', 2025, 'registered', { status: 'paid', updatedAt: T2 }),
        ).toBeNull();
        expect(await storage.enrollments.get('r-1', 2025)).toEqual(paid);
        expect((await storage.enrollments.listByOrder('ORD1')).map((e) => e.residentId)).toEqual(['r-1']);
      });
    });

    describe('users', () => {
      it('creates, finds and relinks a user, keeping when it was created', async () => {
        await seedTwoResidents(storage);
        await storage.users.put(aUser({ residentId: null }));
        expect(await storage.users.get('openid-a')).toEqual(aUser({ residentId: null }));
        await storage.users.put(aUser({ residentId: 'r-1', createdAt: T2, updatedAt: T1 }));
        expect(await storage.users.get('openid-a')).toEqual(aUser({ residentId: 'r-1', createdAt: T0, updatedAt: T1 }));
        expect(await storage.users.findByResidentId('r-1')).toMatchObject({ openid: 'openid-a' });
        expect(await storage.users.findByResidentId('r-2')).toBeNull();
        expect(await storage.users.get('openid-nobody')).toBeNull();
      });

      it('refuses to link one resident to two WeChat accounts', async () => {
        await seedTwoResidents(storage);
        await storage.users.put(aUser());
        await storage.users.put(aUser({ openid: 'openid-b', residentId: null }));
        await expectConflict(storage.users.put(aUser({ openid: 'openid-b' })), 'user_resident');
        expect(await storage.users.get('openid-b')).toMatchObject({ residentId: null });
      });
    });

    describe('family bindings', () => {
      it('allows one binding per owner and relative, found by id, pair, owner, relative and consent code', async () => {
        await seedTwoResidents(storage);
        await storage.familyBindings.insert(aBinding());
        await storage.familyBindings.insert(
          aBinding({ id: 'b-2', ownerOpenid: 'openid-b', consentCodeHash: 'code-hash-2' }),
        );
        await expectConflict(storage.familyBindings.insert(aBinding({ id: 'b-3' })), 'family_binding_pair');
        await expectConflict(storage.familyBindings.insert(aBinding({ residentId: 'r-1' })), 'family_binding');

        expect(await storage.familyBindings.get('b-1')).toEqual(aBinding());
        expect(await storage.familyBindings.findByOwnerAndResident('openid-a', 'r-2')).toEqual(aBinding());
        expect(await storage.familyBindings.findByOwnerAndResident('openid-a', 'r-1')).toBeNull();
        expect((await storage.familyBindings.listByOwner('openid-a')).map((b) => b.id)).toEqual(['b-1']);
        expect((await storage.familyBindings.listByResident('r-2')).map((b) => b.id)).toEqual(['b-1', 'b-2']);
        expect(await storage.familyBindings.findPendingByConsentCodeHash('code-hash-2')).toMatchObject({ id: 'b-2' });
        expect(await storage.familyBindings.findPendingByConsentCodeHash('unknown')).toBeNull();
      });

      it('confirms a pending binding once, and a confirmed binding is no longer found by its code', async () => {
        await seedTwoResidents(storage);
        await storage.familyBindings.insert(aBinding());
        const confirmed = await storage.familyBindings.update('b-1', 'pending', {
          status: 'confirmed',
          confirmedBy: 'relative',
          updatedAt: T1,
        });
        expect(confirmed).toEqual(aBinding({ status: 'confirmed', confirmedBy: 'relative', updatedAt: T1 }));
        expect(await storage.familyBindings.update('b-1', 'pending', { status: 'revoked', updatedAt: T2 })).toBeNull();
        expect(await storage.familyBindings.findPendingByConsentCodeHash('code-hash-1')).toBeNull();
        const cleared = await storage.familyBindings.update('b-1', 'confirmed', {
          status: 'revoked',
          consentCodeHash: null,
          consentExpiresAt: null,
          updatedAt: T2,
        });
        expect(cleared).toMatchObject({
          status: 'revoked',
          consentCodeHash: null,
          consentExpiresAt: null,
          confirmedBy: 'relative',
        });
      });

      it('counts wrong consent codes on a pending binding', async () => {
        await seedTwoResidents(storage);
        await storage.familyBindings.insert(aBinding());
        const counted = await storage.familyBindings.update('b-1', 'pending', { consentAttempts: 3, updatedAt: T1 });
        expect(counted).toEqual(aBinding({ consentAttempts: 3, updatedAt: T1 }));
        expect(await storage.familyBindings.get('b-1')).toMatchObject({ consentAttempts: 3 });
      });
    });

    describe('orders', () => {
      it('stores an order with its items in order, and finds it by number and by idempotency key', async () => {
        await seedTwoResidents(storage);
        const order = anOrder({
          items: [
            { residentId: 'r-2', policyId: 'fj-quanzhou-taishang-2025', coverageYear: 2025, amountFen: 40_000 },
            { residentId: 'r-1', policyId: 'fj-quanzhou-taishang-2025', coverageYear: 2025, amountFen: 12_000 },
          ],
          totalFen: 52_000,
        });
        await storage.orders.insert(order);
        expect(await storage.orders.get(order.orderNo)).toEqual(order);
        expect(await storage.orders.findByIdempotencyKey('openid-a', 'key-1')).toEqual(order);
        expect(await storage.orders.findByIdempotencyKey('openid-b', 'key-1')).toBeNull();
        expect(await storage.orders.get('ORD-missing')).toBeNull();
      });

      it('refuses a duplicate order number and a reused idempotency key of the same payer, and writes nothing', async () => {
        await seedTwoResidents(storage);
        await storage.orders.insert(anOrder());
        await expectConflict(storage.orders.insert(anOrder({ idempotencyKey: 'key-2' })), 'order');
        await expectConflict(storage.orders.insert(anOrder({ orderNo: 'ORD20241115000002' })), 'order_idempotency');
        expect(await storage.orders.get('ORD20241115000002')).toBeNull();
        // Another payer may use the same key.
        await storage.orders.insert(anOrder({ orderNo: 'ORD20241115000003', payerOpenid: 'openid-b' }));
        expect(await storage.orders.listByPayer('openid-b', 10)).toHaveLength(1);
      });

      it('moves an order between states only from the states it allows', async () => {
        await seedTwoResidents(storage);
        await storage.orders.insert(anOrder());
        const paid = await storage.orders.transition('ORD20241115000001', {
          from: ['pending'],
          to: 'paid',
          at: T1,
          paidAt: T1,
          transactionId: 'wx-tx-1',
        });
        expect(paid).toEqual(anOrder({ state: 'paid', updatedAt: T1, paidAt: T1, transactionId: 'wx-tx-1' }));
        expect(
          await storage.orders.transition('ORD20241115000001', { from: ['pending'], to: 'expired', at: T2 }),
        ).toBeNull();
        expect(await storage.orders.transition('ORD-missing', { from: ['pending'], to: 'expired', at: T2 })).toBeNull();
        const refunded = await storage.orders.transition('ORD20241115000001', {
          from: ['paid'],
          to: 'refunded',
          at: T2,
        });
        expect(refunded).toMatchObject({ state: 'refunded', paidAt: T1, transactionId: 'wx-tx-1', updatedAt: T2 });
        expect(await storage.orders.get('ORD20241115000001')).toEqual(refunded);
      });

      it('lists a payer’s orders newest first and pending orders past their expiry', async () => {
        await seedTwoResidents(storage);
        await storage.orders.insert(anOrder({ orderNo: 'ORD-A', idempotencyKey: 'a', createdAt: T0, expiresAt: T1 }));
        await storage.orders.insert(anOrder({ orderNo: 'ORD-B', idempotencyKey: 'b', createdAt: T1, expiresAt: T2 }));
        await storage.orders.insert(
          anOrder({ orderNo: 'ORD-C', idempotencyKey: 'c', createdAt: T2, expiresAt: T0, state: 'paid', paidAt: T0 }),
        );
        expect((await storage.orders.listByPayer('openid-a', 10)).map((o) => o.orderNo)).toEqual([
          'ORD-C',
          'ORD-B',
          'ORD-A',
        ]);
        expect((await storage.orders.listByPayer('openid-a', 2)).map((o) => o.orderNo)).toEqual(['ORD-C', 'ORD-B']);
        expect((await storage.orders.listPendingExpiredAt(T1, 10)).map((o) => o.orderNo)).toEqual(['ORD-A']);
        expect((await storage.orders.listPendingExpiredAt(T2, 10)).map((o) => o.orderNo)).toEqual(['ORD-A', 'ORD-B']);
        expect((await storage.orders.listPendingExpiredAt(T2, 10))[0]?.items).toHaveLength(1);
      });
    });

    describe('payment notifications', () => {
      it('says a transaction id is new only the first time', async () => {
        const notification = { transactionId: 'wx-tx-1', orderNo: 'ORD1', outcome: 'paid' as const, receivedAt: T1 };
        expect(await storage.paymentNotifications.record(notification)).toBe(true);
        expect(await storage.paymentNotifications.record({ ...notification, receivedAt: T2 })).toBe(false);
        expect(await storage.paymentNotifications.get('wx-tx-1')).toEqual(notification);
        expect(await storage.paymentNotifications.get('wx-tx-2')).toBeNull();
      });
    });

    describe('transactions', () => {
      it('commits every write together and returns the callback’s value', async () => {
        const result = await storage.transaction(async (tx) => {
          await tx.residents.insert(aResident());
          await tx.orders.insert(anOrder());
          await tx.enrollments.insert(anEnrollment({ orderNo: 'ORD20241115000001' }));
          return 'done';
        });
        expect(result).toBe('done');
        expect(await storage.orders.get('ORD20241115000001')).not.toBeNull();
        expect(await storage.enrollments.get('r-1', 2025)).not.toBeNull();
      });

      it('rolls every write back when the callback throws, and rethrows its error', async () => {
        await storage.residents.insert(aResident());
        const failure = new Error('payment amount mismatch');
        await expect(
          storage.transaction(async (tx) => {
            await tx.orders.insert(anOrder());
            await tx.enrollments.insert(anEnrollment());
            await tx.paymentNotifications.record({
              transactionId: 'wx-tx-1',
              orderNo: 'ORD20241115000001',
              outcome: 'paid',
              receivedAt: T1,
            });
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect(await storage.orders.get('ORD20241115000001')).toBeNull();
        expect(await storage.enrollments.get('r-1', 2025)).toBeNull();
        expect(await storage.paymentNotifications.get('wx-tx-1')).toBeNull();
      });

      it('rolls back earlier writes when a later write breaks a unique constraint', async () => {
        await storage.residents.insert(aResident());
        await storage.enrollments.insert(anEnrollment());
        const error = await storage
          .transaction(async (tx) => {
            await tx.orders.insert(anOrder());
            await tx.enrollments.insert(anEnrollment());
          })
          .catch((e: unknown) => e);
        expect(isStorageConflict(error, 'enrollment')).toBe(true);
        expect(await storage.orders.get('ORD20241115000001')).toBeNull();
      });

      it('sees its own writes before committing', async () => {
        await storage.residents.insert(aResident());
        await storage.transaction(async (tx) => {
          await tx.orders.insert(anOrder());
          const moved = await tx.orders.transition('ORD20241115000001', {
            from: ['pending'],
            to: 'paid',
            at: T1,
            paidAt: T1,
            transactionId: 'wx-1',
          });
          expect(moved?.state).toBe('paid');
          expect(await tx.orders.findByIdempotencyKey('openid-a', 'key-1')).toMatchObject({ state: 'paid' });
        });
      });

      it('keeps a write made by another caller while a transaction is open out of that transaction’s rollback', async () => {
        await seedTwoResidents(storage);
        let release!: () => void;
        const gate = new Promise<void>((resolve) => {
          release = resolve;
        });
        const failing = storage.transaction(async (tx) => {
          await tx.orders.insert(anOrder());
          await gate;
          throw new Error('abort');
        });
        const outsider = storage.users.put(aUser({ openid: 'openid-z', residentId: null }));
        release();
        await expect(failing).rejects.toThrow('abort');
        await outsider;
        expect(await storage.users.get('openid-z')).not.toBeNull();
        expect(await storage.orders.get('ORD20241115000001')).toBeNull();
      });

      it('lets only one of two racing transactions claim the same enrollment', async () => {
        await seedTwoResidents(storage);
        const claim = (openid: string) =>
          storage.transaction(async (tx) => {
            if (await tx.enrollments.get('r-1', 2025)) return 'already';
            await tx.enrollments.insert(anEnrollment({ registeredBy: openid }));
            return 'claimed';
          });
        const outcomes = await Promise.allSettled([claim('openid-a'), claim('openid-b')]);
        const claimed = outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'claimed');
        expect(claimed).toHaveLength(1);
      });

      it('refuses the outer storage inside a transaction and a transaction handle after it ended', async () => {
        let leaked: Parameters<Parameters<Storage['transaction']>[0]>[0] | undefined;
        await expect(
          storage.transaction(async (tx) => {
            leaked = tx;
            await storage.users.get('openid-a');
          }),
        ).rejects.toBeInstanceOf(StorageMisuse);
        await storage.transaction(async (tx) => {
          leaked = tx;
        });
        await expect(leaked?.users.get('openid-a')).rejects.toBeInstanceOf(StorageMisuse);
      });
    });

    describe('durability', () => {
      it('keeps committed data across a reopen', async () => {
        await seedTwoResidents(storage);
        await storage.orders.insert(anOrder());
        storage = await harness.reopen();
        expect(await storage.residents.get('r-2')).toMatchObject({ name: '张母' });
        expect(await storage.orders.get('ORD20241115000001')).toEqual(anOrder());
        await expectConflict(storage.orders.insert(anOrder({ idempotencyKey: 'key-2' })), 'order');
      });
    });
  });
}
