/**
 * The storage port the use cases talk to. Two adapters implement it and pass one contract suite
 * (test/integration/storage-contract.ts): SQLite (local cloud, tests) and CloudBase (production).
 *
 * Two shapes of access:
 * - `Tx*` repositories hold what works inside `transaction(fn)`: reads and writes addressed by key
 *   (id, natural key, unique key). CloudBase transactions allow only single-document operations, so
 *   the port's type keeps list queries out of transactions on every adapter.
 * - The full repositories add list queries, for use outside transactions.
 *
 * Uniqueness violations throw `StorageConflict` naming the constraint (see errors.ts). Compare-and-set
 * updates (`expect…`) return null when the record is missing or not in the expected state, so two
 * racing requests cannot both move one order or one binding.
 */
import type {
  BindingStatus,
  Enrollment,
  EnrollmentStatus,
  FamilyBinding,
  Household,
  Order,
  OrderState,
  PaymentNotification,
  Resident,
  SubsidyCertification,
  User,
} from './records';

export interface TxResidents {
  /** The resident with this id, or null. */
  get(id: string): Promise<Resident | null>;
  /** The resident whose ID number has this lookup key (Pii.idLookupKey), or null. */
  findByIdLookupKey(idLookupKey: string): Promise<Resident | null>;
  /** Adds a resident; conflicts: 'resident' (id), 'resident_id_lookup' (same ID number). */
  insert(resident: Resident): Promise<void>;
}

export interface Residents extends TxResidents {
  /** The residents with these ids that exist, in no particular order. */
  getMany(ids: readonly string[]): Promise<Resident[]>;
  /** Every member of a household, oldest first. */
  listByHousehold(householdId: string): Promise<Resident[]>;
}

export interface TxHouseholds {
  /** The household with this id, or null. */
  get(id: string): Promise<Household | null>;
  /** Adds a household; conflict: 'household'. */
  insert(household: Household): Promise<void>;
}

export type Households = TxHouseholds;

export interface TxSubsidies {
  /** Records a certification; conflict: 'subsidy_certification' (same resident, policy and category). */
  certify(certification: SubsidyCertification): Promise<void>;
}

export interface Subsidies extends TxSubsidies {
  /** A resident's certified categories under one policy, by category id. */
  listForResident(residentId: string, policyId: string): Promise<SubsidyCertification[]>;
}

export type EnrollmentPatch = Partial<
  Pick<Enrollment, 'status' | 'paidOn' | 'coverageStart' | 'orderNo' | 'policyId' | 'coverageEnd'>
> & {
  updatedAt: string;
};

export interface TxEnrollments {
  /** The resident's enrollment for a coverage year, or null. */
  get(residentId: string, coverageYear: number): Promise<Enrollment | null>;
  /** Adds an enrollment; conflict: 'enrollment' (one per resident and coverage year). */
  insert(enrollment: Enrollment): Promise<void>;
  /** Applies `patch` only if the enrollment is in `expectStatus`; the updated record, or null. */
  update(
    residentId: string,
    coverageYear: number,
    expectStatus: EnrollmentStatus,
    patch: EnrollmentPatch,
  ): Promise<Enrollment | null>;
}

export interface Enrollments extends TxEnrollments {
  /** Every enrollment of a resident, newest coverage year first. */
  listByResident(residentId: string): Promise<Enrollment[]>;
  /** Enrollments paid by one order. */
  listByOrder(orderNo: string): Promise<Enrollment[]>;
}

export interface TxUsers {
  /** The user with this OPENID, or null. */
  get(openid: string): Promise<User | null>;
  /** The user linked to a resident, or null. */
  findByResidentId(residentId: string): Promise<User | null>;
  /** Creates or replaces the user; conflict: 'user_resident' (the resident is another OPENID's). */
  put(user: User): Promise<void>;
}

export type Users = TxUsers;

export type BindingPatch = Partial<
  Pick<
    FamilyBinding,
    'status' | 'relationship' | 'consentCodeHash' | 'consentExpiresAt' | 'consentAttempts' | 'confirmedBy'
  >
> & { updatedAt: string };

export interface TxFamilyBindings {
  /** The binding with this id, or null. */
  get(id: string): Promise<FamilyBinding | null>;
  /** The owner's binding to a resident (whatever its status), or null. */
  findByOwnerAndResident(ownerOpenid: string, residentId: string): Promise<FamilyBinding | null>;
  /** Adds a binding; conflicts: 'family_binding' (id), 'family_binding_pair' (owner already has one for the resident). */
  insert(binding: FamilyBinding): Promise<void>;
  /** Applies `patch` only if the binding is in `expectStatus`; the updated record, or null. */
  update(id: string, expectStatus: BindingStatus, patch: BindingPatch): Promise<FamilyBinding | null>;
}

export interface FamilyBindings extends TxFamilyBindings {
  /** The owner's bindings, oldest first. */
  listByOwner(ownerOpenid: string): Promise<FamilyBinding[]>;
  /** Bindings that point at a resident (who may see me), oldest first. */
  listByResident(residentId: string): Promise<FamilyBinding[]>;
  /** The pending binding holding this consent-code hash, or null. */
  findPendingByConsentCodeHash(consentCodeHash: string): Promise<FamilyBinding | null>;
}

export type OrderTransition = {
  /** States the order may be in for the move to happen. */
  from: readonly OrderState[];
  to: OrderState;
  at: string;
  paidAt?: string | null;
  transactionId?: string | null;
  failureReason?: string | null;
};

export interface TxOrders {
  /** The order with this number, items included, or null. */
  get(orderNo: string): Promise<Order | null>;
  /** The payer's order made with this idempotency key, or null. */
  findByIdempotencyKey(payerOpenid: string, idempotencyKey: string): Promise<Order | null>;
  /** Adds an order and its items; conflicts: 'order' (order number), 'order_idempotency' (payer + key). */
  insert(order: Order): Promise<void>;
  /** Moves the order to `to` only if it is in one of `from`; the updated order, or null. */
  transition(orderNo: string, change: OrderTransition): Promise<Order | null>;
}

export interface Orders extends TxOrders {
  /** The payer's orders, newest first. */
  listByPayer(payerOpenid: string, limit: number): Promise<Order[]>;
  /** Pending orders whose expiresAt is at or before `at`, oldest first (for expiring them). */
  listPendingExpiredAt(at: string, limit: number): Promise<Order[]>;
}

export interface TxPaymentNotifications {
  /** Remembers a notification; true the first time its transaction id is seen, false for a replay. */
  record(notification: PaymentNotification): Promise<boolean>;
  /** The notification recorded under this transaction id, or null. */
  get(transactionId: string): Promise<PaymentNotification | null>;
}

export type PaymentNotifications = TxPaymentNotifications;

/** What a transaction callback may use. */
export type TxStorage = {
  residents: TxResidents;
  households: TxHouseholds;
  subsidies: TxSubsidies;
  enrollments: TxEnrollments;
  users: TxUsers;
  familyBindings: TxFamilyBindings;
  orders: TxOrders;
  paymentNotifications: TxPaymentNotifications;
};

export type Storage = {
  residents: Residents;
  households: Households;
  subsidies: Subsidies;
  enrollments: Enrollments;
  users: Users;
  familyBindings: FamilyBindings;
  orders: Orders;
  paymentNotifications: PaymentNotifications;
  /**
   * Runs `fn` all-or-nothing: it commits when `fn` resolves and rolls back when it throws (the error
   * is rethrown). Keep it to storage work: `fn` may be retried on a write conflict (CloudBase), and
   * the SQLite adapter serializes transactions. Using the outer `storage` inside `fn`, or `tx` after
   * it ended, throws.
   */
  transaction<T>(fn: (tx: TxStorage) => Promise<T>): Promise<T>;
  /** Releases the connection; the storage is unusable afterwards. */
  close(): Promise<void>;
};
