/**
 * The production storage: CloudBase's document database through @cloudbase/node-sdk.
 *
 * CloudBase transactions allow only single-document operations, so everything the port allows
 * inside a transaction is addressed by document id:
 * - each record's `_id` is derived from its key (docId below), e.g. an enrollment's from
 *   (resident, coverage year) — the key's uniqueness is the `_id`'s;
 * - every other unique rule (same ID number, same payer + idempotency key, one binding per owner and
 *   relative, one WeChat account per resident) has a guard document in `unique_keys` whose `_id` is
 *   derived from the rule and the value and which points at the owning record — it is both the
 *   constraint and the way to find the record inside a transaction.
 * Every write runs in a transaction (the caller's, or one of its own) and reads before it writes, so
 * two racing writers collide on the same documents; CloudBase aborts one of them with a write
 * conflict and runTransaction retries it, which then sees the other's write.
 * The field indexes in cloudbase-indexes.json back the list queries and repeat the unique rules.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { StorageConflict, StorageMisuse, type UniqueConstraint } from '../errors';
import { defined, transitioned } from '../patches';
import type { BindingPatch, EnrollmentPatch, OrderTransition, Storage, TxStorage } from '../port';
import {
  enrollment as enrollmentSchema,
  familyBinding as bindingSchema,
  household as householdSchema,
  order as orderSchema,
  paymentNotification as notificationSchema,
  resident as residentSchema,
  subsidyCertification as subsidySchema,
  user as userSchema,
  type Enrollment,
  type FamilyBinding,
  type Order,
  type User,
} from '../records';
import { assertOutsideTransaction, TransactionLifetime, withinTransaction } from '../scope';
import { assertWritten, documentOf, documentsOf, type CloudbaseDb, type DocRef, type TransactionRef } from './sdk';

export const COLLECTIONS = {
  residents: 'residents',
  households: 'households',
  subsidies: 'subsidy_certifications',
  enrollments: 'enrollments',
  users: 'users',
  familyBindings: 'family_bindings',
  orders: 'orders',
  paymentNotifications: 'payment_notifications',
  uniqueKeys: 'unique_keys',
} as const;

/** Upper bound of one list query (CloudBase's server-side maximum for a single get). */
const MAX_LIST = 1000;
/** Attempts runTransaction makes when CloudBase reports a write conflict. */
const TRANSACTION_ATTEMPTS = 5;

/** A document id derived from a key: fixed length, safe characters, whatever the key holds. */
export function docId(kind: string, ...parts: ReadonlyArray<string | number>): string {
  return createHash('sha256')
    .update([kind, ...parts.map(String)].join('\u0000'), 'utf8')
    .digest('hex');
}

type GuardedConstraint = Extract<
  UniqueConstraint,
  'resident_id_lookup' | 'order_idempotency' | 'family_binding_pair' | 'user_resident'
>;

const guardSchema = z.object({ constraint: z.string(), target: z.string() });

function guardId(constraint: GuardedConstraint, ...value: string[]): string {
  return docId(`unique:${constraint}`, ...value);
}

/** Single-document access, the same inside and outside a transaction. */
type Docs = {
  doc(collection: string, id: string): DocRef;
};

/** Schemas are read by their output type (a field with a default may be absent from older documents). */
type Schema<T> = z.ZodType<T, z.ZodTypeDef, unknown>;

async function read<T>(docs: Docs, collection: string, id: string, schema: Schema<T>): Promise<T | null> {
  const found = documentOf(await docs.doc(collection, id).get());
  return found === null ? null : schema.parse(found);
}

async function write(docs: Docs, collection: string, id: string, data: object): Promise<void> {
  assertWritten(await docs.doc(collection, id).set(data));
}

async function remove(docs: Docs, collection: string, id: string): Promise<void> {
  assertWritten(await docs.doc(collection, id).remove());
}

async function exists(docs: Docs, collection: string, id: string): Promise<boolean> {
  return documentOf(await docs.doc(collection, id).get()) !== null;
}

/** The target of a guard, or null. */
async function guardTarget(docs: Docs, id: string): Promise<string | null> {
  return (await read(docs, COLLECTIONS.uniqueKeys, id, guardSchema))?.target ?? null;
}

async function claim(docs: Docs, constraint: GuardedConstraint, id: string, target: string): Promise<void> {
  const holder = await guardTarget(docs, id);
  if (holder !== null && holder !== target) throw new StorageConflict(constraint);
  await write(docs, COLLECTIONS.uniqueKeys, id, { constraint, target });
}

async function insertNew(
  docs: Docs,
  collection: string,
  id: string,
  data: object,
  constraint: UniqueConstraint,
): Promise<void> {
  if (await exists(docs, collection, id)) throw new StorageConflict(constraint);
  await write(docs, collection, id, data);
}

const ids = {
  resident: (id: string) => docId('resident', id),
  household: (id: string) => docId('household', id),
  subsidy: (residentId: string, policyId: string, categoryId: string) =>
    docId('subsidy', residentId, policyId, categoryId),
  enrollment: (residentId: string, coverageYear: number) => docId('enrollment', residentId, coverageYear),
  user: (openid: string) => docId('user', openid),
  binding: (id: string) => docId('binding', id),
  order: (orderNo: string) => docId('order', orderNo),
  notification: (transactionId: string) => docId('notification', transactionId),
};

/** The key-addressed operations, over either a transaction's documents or the plain collections. */
function keyedRepositories(reads: Docs, writing: <T>(work: (docs: Docs) => Promise<T>) => Promise<T>): TxStorage {
  const getResident = (id: string) => read(reads, COLLECTIONS.residents, ids.resident(id), residentSchema);
  const getUser = (openid: string) => read(reads, COLLECTIONS.users, ids.user(openid), userSchema);
  const getBinding = (docs: Docs, id: string) => read(docs, COLLECTIONS.familyBindings, ids.binding(id), bindingSchema);
  const getOrder = (docs: Docs, orderNo: string) => read(docs, COLLECTIONS.orders, ids.order(orderNo), orderSchema);
  const getEnrollment = (docs: Docs, residentId: string, year: number) =>
    read(docs, COLLECTIONS.enrollments, ids.enrollment(residentId, year), enrollmentSchema);

  return {
    residents: {
      get: getResident,
      findByIdLookupKey: async (key) => {
        const target = await guardTarget(reads, guardId('resident_id_lookup', key));
        return target === null ? null : getResident(target);
      },
      insert: (resident) =>
        writing(async (docs) => {
          if (await exists(docs, COLLECTIONS.residents, ids.resident(resident.id)))
            throw new StorageConflict('resident');
          await claim(docs, 'resident_id_lookup', guardId('resident_id_lookup', resident.idLookupKey), resident.id);
          await write(docs, COLLECTIONS.residents, ids.resident(resident.id), residentSchema.parse(resident));
        }),
    },

    households: {
      get: (id) => read(reads, COLLECTIONS.households, ids.household(id), householdSchema),
      insert: (household) =>
        writing((docs) =>
          insertNew(
            docs,
            COLLECTIONS.households,
            ids.household(household.id),
            householdSchema.parse(household),
            'household',
          ),
        ),
    },

    subsidies: {
      certify: (c) =>
        writing((docs) =>
          insertNew(
            docs,
            COLLECTIONS.subsidies,
            ids.subsidy(c.residentId, c.policyId, c.categoryId),
            subsidySchema.parse(c),
            'subsidy_certification',
          ),
        ),
    },

    enrollments: {
      get: (residentId, coverageYear) => getEnrollment(reads, residentId, coverageYear),
      insert: (e) =>
        writing((docs) =>
          insertNew(
            docs,
            COLLECTIONS.enrollments,
            ids.enrollment(e.residentId, e.coverageYear),
            enrollmentSchema.parse(e),
            'enrollment',
          ),
        ),
      update: (residentId, coverageYear, expectStatus, patch: EnrollmentPatch) =>
        writing(async (docs) => {
          const current = await getEnrollment(docs, residentId, coverageYear);
          if (!current || current.status !== expectStatus) return null;
          const next: Enrollment = enrollmentSchema.parse({ ...current, ...defined(patch) });
          await write(docs, COLLECTIONS.enrollments, ids.enrollment(residentId, coverageYear), next);
          return next;
        }),
    },

    users: {
      get: getUser,
      findByResidentId: async (residentId) => {
        const openid = await guardTarget(reads, guardId('user_resident', residentId));
        return openid === null ? null : getUser(openid);
      },
      put: (user) =>
        writing(async (docs) => {
          const current = await read(docs, COLLECTIONS.users, ids.user(user.openid), userSchema);
          if (user.residentId !== null) {
            await claim(docs, 'user_resident', guardId('user_resident', user.residentId), user.openid);
          }
          if (current?.residentId && current.residentId !== user.residentId) {
            await remove(docs, COLLECTIONS.uniqueKeys, guardId('user_resident', current.residentId));
          }
          const next: User = userSchema.parse({ ...user, createdAt: current?.createdAt ?? user.createdAt });
          await write(docs, COLLECTIONS.users, ids.user(user.openid), next);
        }),
    },

    familyBindings: {
      get: (id) => getBinding(reads, id),
      findByOwnerAndResident: async (ownerOpenid, residentId) => {
        const id = await guardTarget(reads, guardId('family_binding_pair', ownerOpenid, residentId));
        return id === null ? null : getBinding(reads, id);
      },
      insert: (binding) =>
        writing(async (docs) => {
          if (await exists(docs, COLLECTIONS.familyBindings, ids.binding(binding.id)))
            throw new StorageConflict('family_binding');
          await claim(
            docs,
            'family_binding_pair',
            guardId('family_binding_pair', binding.ownerOpenid, binding.residentId),
            binding.id,
          );
          await write(docs, COLLECTIONS.familyBindings, ids.binding(binding.id), bindingSchema.parse(binding));
        }),
      update: (id, expectStatus, patch: BindingPatch) =>
        writing(async (docs) => {
          const current = await getBinding(docs, id);
          if (!current || current.status !== expectStatus) return null;
          const next: FamilyBinding = bindingSchema.parse({ ...current, ...defined(patch) });
          await write(docs, COLLECTIONS.familyBindings, ids.binding(id), next);
          return next;
        }),
    },

    orders: {
      get: (orderNo) => getOrder(reads, orderNo),
      findByIdempotencyKey: async (payerOpenid, key) => {
        const orderNo = await guardTarget(reads, guardId('order_idempotency', payerOpenid, key));
        return orderNo === null ? null : getOrder(reads, orderNo);
      },
      insert: (order) =>
        writing(async (docs) => {
          if (await exists(docs, COLLECTIONS.orders, ids.order(order.orderNo))) throw new StorageConflict('order');
          await claim(
            docs,
            'order_idempotency',
            guardId('order_idempotency', order.payerOpenid, order.idempotencyKey),
            order.orderNo,
          );
          await write(docs, COLLECTIONS.orders, ids.order(order.orderNo), orderSchema.parse(order));
        }),
      transition: (orderNo, change: OrderTransition) =>
        writing(async (docs) => {
          const current = await getOrder(docs, orderNo);
          const changed = current && transitioned(current, change);
          if (!changed) return null;
          const next: Order = orderSchema.parse(changed);
          await write(docs, COLLECTIONS.orders, ids.order(orderNo), next);
          return next;
        }),
    },

    paymentNotifications: {
      record: (notification) =>
        writing(async (docs) => {
          const id = ids.notification(notification.transactionId);
          if (await exists(docs, COLLECTIONS.paymentNotifications, id)) return false;
          await write(docs, COLLECTIONS.paymentNotifications, id, notificationSchema.parse(notification));
          return true;
        }),
      get: (transactionId) =>
        read(reads, COLLECTIONS.paymentNotifications, ids.notification(transactionId), notificationSchema),
    },
  };
}

function transactionDocs(transaction: TransactionRef, lifetime: TransactionLifetime): Docs {
  return {
    doc: (collection, id) => {
      lifetime.assertOpen();
      return transaction.collection(collection).doc(id);
    },
  };
}

class CloudbaseStorage implements Storage {
  readonly residents: Storage['residents'];
  readonly households: Storage['households'];
  readonly subsidies: Storage['subsidies'];
  readonly enrollments: Storage['enrollments'];
  readonly users: Storage['users'];
  readonly familyBindings: Storage['familyBindings'];
  readonly orders: Storage['orders'];
  readonly paymentNotifications: Storage['paymentNotifications'];
  private closed = false;

  constructor(private readonly db: CloudbaseDb) {
    const plain: Docs = {
      doc: (collection, id) => {
        this.assertUsable();
        return db.collection(collection).doc(id);
      },
    };
    // Outside a transaction each write still gets one, so its read-check-write is atomic.
    const keyed = keyedRepositories(plain, (work) =>
      this.atomically((transaction) => work(transactionDocs(transaction, new TransactionLifetime()))),
    );
    const list = async <T>(schema: Schema<T>, query: () => Promise<unknown>): Promise<T[]> => {
      this.assertUsable();
      return documentsOf(await query()).map((doc) => schema.parse(doc));
    };
    const c = (name: string) => db.collection(name);
    const _ = db.command;

    this.residents = {
      ...keyed.residents,
      getMany: (residentIds) =>
        residentIds.length === 0
          ? Promise.resolve([])
          : list(residentSchema, () =>
              c(COLLECTIONS.residents)
                .where({ id: _.in([...residentIds]) })
                .limit(MAX_LIST)
                .get(),
            ),
      listByHousehold: (householdId) =>
        list(residentSchema, () =>
          c(COLLECTIONS.residents)
            .where({ householdId })
            .orderBy('birthDate', 'asc')
            .orderBy('id', 'asc')
            .limit(MAX_LIST)
            .get(),
        ),
    };
    this.households = keyed.households;
    this.subsidies = {
      ...keyed.subsidies,
      listForResident: (residentId, policyId) =>
        list(subsidySchema, () =>
          c(COLLECTIONS.subsidies).where({ residentId, policyId }).orderBy('categoryId', 'asc').limit(MAX_LIST).get(),
        ),
    };
    this.enrollments = {
      ...keyed.enrollments,
      listByResident: (residentId) =>
        list(enrollmentSchema, () =>
          c(COLLECTIONS.enrollments).where({ residentId }).orderBy('coverageYear', 'desc').limit(MAX_LIST).get(),
        ),
      listByOrder: (orderNo) =>
        list(enrollmentSchema, () =>
          c(COLLECTIONS.enrollments).where({ orderNo }).orderBy('residentId', 'asc').limit(MAX_LIST).get(),
        ),
    };
    this.users = keyed.users;
    this.familyBindings = {
      ...keyed.familyBindings,
      listByOwner: (ownerOpenid) =>
        list(bindingSchema, () =>
          c(COLLECTIONS.familyBindings)
            .where({ ownerOpenid })
            .orderBy('createdAt', 'asc')
            .orderBy('id', 'asc')
            .limit(MAX_LIST)
            .get(),
        ),
      listByResident: (residentId) =>
        list(bindingSchema, () =>
          c(COLLECTIONS.familyBindings)
            .where({ residentId })
            .orderBy('createdAt', 'asc')
            .orderBy('id', 'asc')
            .limit(MAX_LIST)
            .get(),
        ),
      findPendingByConsentCodeHash: async (consentCodeHash) => {
        const found = await list(bindingSchema, () =>
          c(COLLECTIONS.familyBindings).where({ consentCodeHash, status: 'pending' }).limit(1).get(),
        );
        return found[0] ?? null;
      },
    };
    this.orders = {
      ...keyed.orders,
      listByPayer: (payerOpenid, limit) =>
        list(orderSchema, () =>
          c(COLLECTIONS.orders)
            .where({ payerOpenid })
            .orderBy('createdAt', 'desc')
            .orderBy('orderNo', 'desc')
            .limit(Math.min(limit, MAX_LIST))
            .get(),
        ),
      listPendingExpiredAt: (at, limit) =>
        list(orderSchema, () =>
          c(COLLECTIONS.orders)
            .where({ state: 'pending', expiresAt: _.lte(at) })
            .orderBy('expiresAt', 'asc')
            .orderBy('orderNo', 'asc')
            .limit(Math.min(limit, MAX_LIST))
            .get(),
        ),
    };
    this.paymentNotifications = keyed.paymentNotifications;
  }

  private assertUsable(): void {
    if (this.closed) throw new StorageMisuse('存储已关闭');
    assertOutsideTransaction(this);
  }

  private async atomically<T>(work: (transaction: TransactionRef) => Promise<T>): Promise<T> {
    this.assertUsable();
    let result: T | undefined;
    await this.db.runTransaction(async (transaction) => {
      result = await work(transaction);
    }, TRANSACTION_ATTEMPTS);
    // runTransaction resolves only after a callback attempt completed and committed, so result is set.
    return result as T;
  }

  transaction<T>(fn: (tx: TxStorage) => Promise<T>): Promise<T> {
    return this.atomically((transaction) => {
      // A fresh lifetime per attempt: a retried callback must not reuse the aborted attempt's handle.
      const lifetime = new TransactionLifetime();
      const docs = transactionDocs(transaction, lifetime);
      const tx = keyedRepositories(docs, (work) => work(docs));
      return withinTransaction(this, () => fn(tx)).finally(() => lifetime.end());
    });
  }

  async close(): Promise<void> {
    // The SDK holds no connection of its own; closing only stops further use, as with SQLite.
    this.closed = true;
  }
}

/** The CloudBase storage over `app.database()`. */
export function createCloudbaseStorage(db: CloudbaseDb): Storage {
  return new CloudbaseStorage(db);
}
