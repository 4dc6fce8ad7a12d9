/**
 * The port's repositories over one better-sqlite3 connection. Every method is synchronous SQL wrapped
 * by `run`, which the adapter supplies: outside a transaction it queues behind any open transaction,
 * inside one it checks the transaction is still open.
 */
import type Database from 'better-sqlite3';
import { StorageConflict, type UniqueConstraint } from '../errors';
import { defined, transitioned } from '../patches';
import type { BindingPatch, EnrollmentPatch, OrderTransition, Storage, TxStorage } from '../port';
import type { Order } from '../records';
import {
  bindingFromRow,
  bindingToRow,
  enrollmentFromRow,
  enrollmentToRow,
  householdFromRow,
  householdToRow,
  notificationFromRow,
  notificationToRow,
  orderFromRows,
  orderItemsToRows,
  orderToRow,
  residentFromRow,
  residentToRow,
  subsidyFromRow,
  subsidyToRow,
  userFromRow,
  userToRow,
  type BindingRow,
  type EnrollmentRow,
  type HouseholdRow,
  type NotificationRow,
  type OrderItemRow,
  type OrderRow,
  type ResidentRow,
  type SubsidyRow,
  type UserRow,
} from './rows';

export type Run = <T>(work: () => T) => Promise<T>;

/** SQLite names the violated unique index by its columns: "UNIQUE constraint failed: orders.order_no". */
const CONSTRAINTS: Readonly<Record<string, UniqueConstraint>> = {
  'residents.id': 'resident',
  'residents.id_lookup_key': 'resident_id_lookup',
  'households.id': 'household',
  'subsidy_certifications.resident_id, subsidy_certifications.policy_id, subsidy_certifications.category_id':
    'subsidy_certification',
  'enrollments.resident_id, enrollments.coverage_year': 'enrollment',
  'users.resident_id': 'user_resident',
  'family_bindings.id': 'family_binding',
  'family_bindings.owner_openid, family_bindings.resident_id': 'family_binding_pair',
  'orders.order_no': 'order',
  'orders.payer_openid, orders.idempotency_key': 'order_idempotency',
};

function asConflict(error: unknown): unknown {
  if (!(error instanceof Error) || !('code' in error)) return error;
  if (error.code !== 'SQLITE_CONSTRAINT_UNIQUE' && error.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return error;
  const columns = error.message.replace(/^UNIQUE constraint failed: /, '');
  const constraint = CONSTRAINTS[columns];
  return constraint ? new StorageConflict(constraint) : error;
}

function insertOrConflict(work: () => void): void {
  try {
    work();
  } catch (error) {
    throw asConflict(error);
  }
}

const RESIDENT_COLUMNS = `id, id_sealed, id_lookup_key, id_masked, name, birth_date, sex, household_id, relation_to_head, bases,
  locality_code, student_status, student_level, in_employee_insurance, employee_insurance_ended_on,
  employee_insurance_years, created_at`;
const ORDER_COLUMNS = `order_no, payer_openid, idempotency_key, source, state, total_fen, created_at, updated_at, expires_at,
  paid_at, transaction_id, failure_reason`;

export type Statements = ReturnType<typeof prepareStatements>;

/** Prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  return {
    residentById: db.prepare<[string], ResidentRow>(`SELECT ${RESIDENT_COLUMNS} FROM residents WHERE id = ?`),
    residentByLookup: db.prepare<[string], ResidentRow>(
      `SELECT ${RESIDENT_COLUMNS} FROM residents WHERE id_lookup_key = ?`,
    ),
    residentsByIds: db.prepare<[string], ResidentRow>(
      `SELECT ${RESIDENT_COLUMNS} FROM residents WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    residentsByHousehold: db.prepare<[string], ResidentRow>(
      `SELECT ${RESIDENT_COLUMNS} FROM residents WHERE household_id = ? ORDER BY birth_date, id`,
    ),
    insertResident: db.prepare<ResidentRow>(
      `INSERT INTO residents (${RESIDENT_COLUMNS}) VALUES (@id, @id_sealed, @id_lookup_key, @id_masked, @name, @birth_date,
        @sex, @household_id, @relation_to_head, @bases, @locality_code, @student_status, @student_level,
        @in_employee_insurance, @employee_insurance_ended_on, @employee_insurance_years, @created_at)`,
    ),

    householdById: db.prepare<[string], HouseholdRow>(
      'SELECT id, locality_code, address, head_resident_id, created_at FROM households WHERE id = ?',
    ),
    insertHousehold: db.prepare<HouseholdRow>(
      `INSERT INTO households (id, locality_code, address, head_resident_id, created_at)
       VALUES (@id, @locality_code, @address, @head_resident_id, @created_at)`,
    ),

    insertSubsidy: db.prepare<SubsidyRow>(
      `INSERT INTO subsidy_certifications (resident_id, policy_id, category_id, certified_on, authority)
       VALUES (@resident_id, @policy_id, @category_id, @certified_on, @authority)`,
    ),
    subsidiesFor: db.prepare<[string, string], SubsidyRow>(
      `SELECT resident_id, policy_id, category_id, certified_on, authority FROM subsidy_certifications
       WHERE resident_id = ? AND policy_id = ? ORDER BY category_id`,
    ),

    enrollment: db.prepare<[string, number], EnrollmentRow>(
      'SELECT * FROM enrollments WHERE resident_id = ? AND coverage_year = ?',
    ),
    enrollmentsByResident: db.prepare<[string], EnrollmentRow>(
      'SELECT * FROM enrollments WHERE resident_id = ? ORDER BY coverage_year DESC',
    ),
    enrollmentsByOrder: db.prepare<[string], EnrollmentRow>(
      'SELECT * FROM enrollments WHERE order_no = ? ORDER BY resident_id',
    ),
    insertEnrollment: db.prepare<EnrollmentRow>(
      `INSERT INTO enrollments (resident_id, coverage_year, policy_id, status, registered_on, registered_by, paid_on,
        coverage_start, coverage_end, order_no, updated_at)
       VALUES (@resident_id, @coverage_year, @policy_id, @status, @registered_on, @registered_by, @paid_on,
        @coverage_start, @coverage_end, @order_no, @updated_at)`,
    ),
    updateEnrollment: db.prepare<EnrollmentRow & { expect_status: string }>(
      `UPDATE enrollments SET policy_id = @policy_id, status = @status, paid_on = @paid_on, coverage_start = @coverage_start,
        coverage_end = @coverage_end, order_no = @order_no, updated_at = @updated_at
       WHERE resident_id = @resident_id AND coverage_year = @coverage_year AND status = @expect_status`,
    ),

    user: db.prepare<[string], UserRow>('SELECT * FROM users WHERE openid = ?'),
    userByResident: db.prepare<[string], UserRow>('SELECT * FROM users WHERE resident_id = ?'),
    putUser: db.prepare<UserRow>(
      `INSERT INTO users (openid, resident_id, created_at, updated_at) VALUES (@openid, @resident_id, @created_at, @updated_at)
       ON CONFLICT (openid) DO UPDATE SET resident_id = excluded.resident_id, updated_at = excluded.updated_at`,
    ),

    binding: db.prepare<[string], BindingRow>('SELECT * FROM family_bindings WHERE id = ?'),
    bindingByPair: db.prepare<[string, string], BindingRow>(
      'SELECT * FROM family_bindings WHERE owner_openid = ? AND resident_id = ?',
    ),
    bindingsByOwner: db.prepare<[string], BindingRow>(
      'SELECT * FROM family_bindings WHERE owner_openid = ? ORDER BY created_at, id',
    ),
    bindingsByResident: db.prepare<[string], BindingRow>(
      'SELECT * FROM family_bindings WHERE resident_id = ? ORDER BY created_at, id',
    ),
    pendingBindingByCode: db.prepare<[string], BindingRow>(
      "SELECT * FROM family_bindings WHERE consent_code_hash = ? AND status = 'pending'",
    ),
    insertBinding: db.prepare<BindingRow>(
      `INSERT INTO family_bindings (id, owner_openid, resident_id, relationship, status, consent_code_hash,
        consent_expires_at, consent_attempts, confirmed_by, created_at, updated_at)
       VALUES (@id, @owner_openid, @resident_id, @relationship, @status, @consent_code_hash, @consent_expires_at,
        @consent_attempts, @confirmed_by, @created_at, @updated_at)`,
    ),
    updateBinding: db.prepare<BindingRow & { expect_status: string }>(
      `UPDATE family_bindings SET relationship = @relationship, status = @status, consent_code_hash = @consent_code_hash,
        consent_expires_at = @consent_expires_at, consent_attempts = @consent_attempts, confirmed_by = @confirmed_by,
        updated_at = @updated_at
       WHERE id = @id AND status = @expect_status`,
    ),

    order: db.prepare<[string], OrderRow>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE order_no = ?`),
    orderByKey: db.prepare<[string, string], OrderRow>(
      `SELECT ${ORDER_COLUMNS} FROM orders WHERE payer_openid = ? AND idempotency_key = ?`,
    ),
    ordersByPayer: db.prepare<[string, number], OrderRow>(
      `SELECT ${ORDER_COLUMNS} FROM orders WHERE payer_openid = ? ORDER BY created_at DESC, order_no DESC LIMIT ?`,
    ),
    pendingExpired: db.prepare<[string, number], OrderRow>(
      `SELECT ${ORDER_COLUMNS} FROM orders WHERE state = 'pending' AND expires_at <= ? ORDER BY expires_at, order_no LIMIT ?`,
    ),
    orderItems: db.prepare<[string], OrderItemRow>('SELECT * FROM order_items WHERE order_no = ? ORDER BY position'),
    insertOrder: db.prepare<OrderRow>(
      `INSERT INTO orders (${ORDER_COLUMNS}) VALUES (@order_no, @payer_openid, @idempotency_key, @source, @state, @total_fen,
        @created_at, @updated_at, @expires_at, @paid_at, @transaction_id, @failure_reason)`,
    ),
    insertOrderItem: db.prepare<OrderItemRow>(
      `INSERT INTO order_items (order_no, position, resident_id, policy_id, coverage_year, amount_fen)
       VALUES (@order_no, @position, @resident_id, @policy_id, @coverage_year, @amount_fen)`,
    ),
    updateOrder: db.prepare<OrderRow & { expect_state: string }>(
      `UPDATE orders SET state = @state, updated_at = @updated_at, paid_at = @paid_at, transaction_id = @transaction_id,
        failure_reason = @failure_reason
       WHERE order_no = @order_no AND state = @expect_state`,
    ),

    recordNotification: db.prepare<NotificationRow>(
      `INSERT INTO payment_notifications (transaction_id, order_no, outcome, received_at)
       VALUES (@transaction_id, @order_no, @outcome, @received_at) ON CONFLICT (transaction_id) DO NOTHING`,
    ),
    notification: db.prepare<[string], NotificationRow>('SELECT * FROM payment_notifications WHERE transaction_id = ?'),
  };
}

type Repositories = Omit<Storage, 'transaction' | 'close'>;

/** Builds the repositories; the same object serves as `TxStorage` inside a transaction. */
export function sqliteRepositories(db: Database.Database, sql: Statements, run: Run): Repositories & TxStorage {
  const withItems = (row: OrderRow): Order => orderFromRows(row, sql.orderItems.all(row.order_no));
  const loadOrder = (row: OrderRow | undefined): Order | null => (row ? withItems(row) : null);

  // Order and items go in together; inside an outer transaction better-sqlite3 makes this a savepoint.
  const insertOrder = db.transaction((order: Order) => {
    sql.insertOrder.run(orderToRow(order));
    for (const item of orderItemsToRows(order)) sql.insertOrderItem.run(item);
  });

  return {
    residents: {
      get: (id) =>
        run(() => {
          const row = sql.residentById.get(id);
          return row ? residentFromRow(row) : null;
        }),
      findByIdLookupKey: (key) =>
        run(() => {
          const row = sql.residentByLookup.get(key);
          return row ? residentFromRow(row) : null;
        }),
      insert: (resident) => run(() => insertOrConflict(() => sql.insertResident.run(residentToRow(resident)))),
      getMany: (ids) => run(() => sql.residentsByIds.all(JSON.stringify(ids)).map(residentFromRow)),
      listByHousehold: (householdId) => run(() => sql.residentsByHousehold.all(householdId).map(residentFromRow)),
    },

    households: {
      get: (id) =>
        run(() => {
          const row = sql.householdById.get(id);
          return row ? householdFromRow(row) : null;
        }),
      insert: (household) => run(() => insertOrConflict(() => sql.insertHousehold.run(householdToRow(household)))),
    },

    subsidies: {
      certify: (certification) => run(() => insertOrConflict(() => sql.insertSubsidy.run(subsidyToRow(certification)))),
      listForResident: (residentId, policyId) =>
        run(() => sql.subsidiesFor.all(residentId, policyId).map(subsidyFromRow)),
    },

    enrollments: {
      get: (residentId, coverageYear) =>
        run(() => {
          const row = sql.enrollment.get(residentId, coverageYear);
          return row ? enrollmentFromRow(row) : null;
        }),
      insert: (enrollment) => run(() => insertOrConflict(() => sql.insertEnrollment.run(enrollmentToRow(enrollment)))),
      update: (residentId, coverageYear, expectStatus, patch: EnrollmentPatch) =>
        run(() => {
          const row = sql.enrollment.get(residentId, coverageYear);
          if (!row || row.status !== expectStatus) return null;
          const next = { ...enrollmentFromRow(row), ...defined(patch) };
          const result = sql.updateEnrollment.run({ ...enrollmentToRow(next), expect_status: expectStatus });
          return result.changes === 1 ? next : null;
        }),
      listByResident: (residentId) => run(() => sql.enrollmentsByResident.all(residentId).map(enrollmentFromRow)),
      listByOrder: (orderNo) => run(() => sql.enrollmentsByOrder.all(orderNo).map(enrollmentFromRow)),
    },

    users: {
      get: (openid) =>
        run(() => {
          const row = sql.user.get(openid);
          return row ? userFromRow(row) : null;
        }),
      findByResidentId: (residentId) =>
        run(() => {
          const row = sql.userByResident.get(residentId);
          return row ? userFromRow(row) : null;
        }),
      put: (user) => run(() => insertOrConflict(() => sql.putUser.run(userToRow(user)))),
    },

    familyBindings: {
      get: (id) =>
        run(() => {
          const row = sql.binding.get(id);
          return row ? bindingFromRow(row) : null;
        }),
      findByOwnerAndResident: (ownerOpenid, residentId) =>
        run(() => {
          const row = sql.bindingByPair.get(ownerOpenid, residentId);
          return row ? bindingFromRow(row) : null;
        }),
      insert: (binding) => run(() => insertOrConflict(() => sql.insertBinding.run(bindingToRow(binding)))),
      update: (id, expectStatus, patch: BindingPatch) =>
        run(() => {
          const row = sql.binding.get(id);
          if (!row || row.status !== expectStatus) return null;
          const next = { ...bindingFromRow(row), ...defined(patch) };
          const result = sql.updateBinding.run({ ...bindingToRow(next), expect_status: expectStatus });
          return result.changes === 1 ? next : null;
        }),
      listByOwner: (ownerOpenid) => run(() => sql.bindingsByOwner.all(ownerOpenid).map(bindingFromRow)),
      listByResident: (residentId) => run(() => sql.bindingsByResident.all(residentId).map(bindingFromRow)),
      findPendingByConsentCodeHash: (hash) =>
        run(() => {
          const row = sql.pendingBindingByCode.get(hash);
          return row ? bindingFromRow(row) : null;
        }),
    },

    orders: {
      get: (orderNo) => run(() => loadOrder(sql.order.get(orderNo))),
      findByIdempotencyKey: (payerOpenid, key) => run(() => loadOrder(sql.orderByKey.get(payerOpenid, key))),
      insert: (order) => run(() => insertOrConflict(() => insertOrder(order))),
      transition: (orderNo, change: OrderTransition) =>
        run(() => {
          const current = loadOrder(sql.order.get(orderNo));
          const next = current && transitioned(current, change);
          if (!current || !next) return null;
          const result = sql.updateOrder.run({ ...orderToRow(next), expect_state: current.state });
          return result.changes === 1 ? next : null;
        }),
      listByPayer: (payerOpenid, limit) => run(() => sql.ordersByPayer.all(payerOpenid, limit).map(withItems)),
      listPendingExpiredAt: (at, limit) => run(() => sql.pendingExpired.all(at, limit).map(withItems)),
    },

    paymentNotifications: {
      record: (notification) => run(() => sql.recordNotification.run(notificationToRow(notification)).changes === 1),
      get: (transactionId) =>
        run(() => {
          const row = sql.notification.get(transactionId);
          return row ? notificationFromRow(row) : null;
        }),
    },
  };
}
