/** Table rows as better-sqlite3 returns them, and their mapping to and from the port's records. */
import type {
  Enrollment,
  FamilyBinding,
  Household,
  Order,
  OrderItem,
  PaymentNotification,
  Resident,
  ResidencyBasis,
  SubsidyCertification,
  User,
} from '../records';
import { residencyBasis } from '../records';
import { z } from 'zod';

export type ResidentRow = {
  id: string;
  id_sealed: string;
  id_lookup_key: string;
  id_masked: string;
  name: string;
  birth_date: string;
  sex: Resident['sex'];
  household_id: string | null;
  relation_to_head: Resident['relationToHead'];
  bases: string;
  locality_code: string;
  student_status: 'new' | 'enrolled' | null;
  student_level: 'university' | 'school' | null;
  in_employee_insurance: 0 | 1;
  employee_insurance_ended_on: string | null;
  employee_insurance_years: number | null;
  created_at: string;
};

const basesJson = z.array(residencyBasis);

export function residentFromRow(row: ResidentRow): Resident {
  const bases: ResidencyBasis[] = basesJson.parse(JSON.parse(row.bases));
  return {
    id: row.id,
    idSealed: row.id_sealed,
    idLookupKey: row.id_lookup_key,
    idMasked: row.id_masked,
    name: row.name,
    birthDate: row.birth_date,
    sex: row.sex,
    householdId: row.household_id,
    relationToHead: row.relation_to_head,
    bases,
    localityCode: row.locality_code,
    student: row.student_status && row.student_level ? { status: row.student_status, level: row.student_level } : null,
    inEmployeeInsurance: row.in_employee_insurance === 1,
    employeeInsuranceEndedOn: row.employee_insurance_ended_on,
    employeeInsuranceYears: row.employee_insurance_years,
    createdAt: row.created_at,
  };
}

export function residentToRow(r: Resident): ResidentRow {
  return {
    id: r.id,
    id_sealed: r.idSealed,
    id_lookup_key: r.idLookupKey,
    id_masked: r.idMasked,
    name: r.name,
    birth_date: r.birthDate,
    sex: r.sex,
    household_id: r.householdId,
    relation_to_head: r.relationToHead,
    bases: JSON.stringify(r.bases),
    locality_code: r.localityCode,
    student_status: r.student?.status ?? null,
    student_level: r.student?.level ?? null,
    in_employee_insurance: r.inEmployeeInsurance ? 1 : 0,
    employee_insurance_ended_on: r.employeeInsuranceEndedOn,
    employee_insurance_years: r.employeeInsuranceYears,
    created_at: r.createdAt,
  };
}

export type HouseholdRow = {
  id: string;
  locality_code: string;
  address: string;
  head_resident_id: string | null;
  created_at: string;
};

export function householdFromRow(row: HouseholdRow): Household {
  return {
    id: row.id,
    localityCode: row.locality_code,
    address: row.address,
    headResidentId: row.head_resident_id,
    createdAt: row.created_at,
  };
}

export function householdToRow(h: Household): HouseholdRow {
  return {
    id: h.id,
    locality_code: h.localityCode,
    address: h.address,
    head_resident_id: h.headResidentId,
    created_at: h.createdAt,
  };
}

export type SubsidyRow = {
  resident_id: string;
  policy_id: string;
  category_id: string;
  certified_on: string;
  authority: string;
};

export function subsidyFromRow(row: SubsidyRow): SubsidyCertification {
  return {
    residentId: row.resident_id,
    policyId: row.policy_id,
    categoryId: row.category_id,
    certifiedOn: row.certified_on,
    authority: row.authority,
  };
}

export function subsidyToRow(s: SubsidyCertification): SubsidyRow {
  return {
    resident_id: s.residentId,
    policy_id: s.policyId,
    category_id: s.categoryId,
    certified_on: s.certifiedOn,
    authority: s.authority,
  };
}

export type EnrollmentRow = {
  resident_id: string;
  coverage_year: number;
  policy_id: string;
  status: Enrollment['status'];
  registered_on: string;
  registered_by: string;
  paid_on: string | null;
  coverage_start: string | null;
  coverage_end: string;
  order_no: string | null;
  updated_at: string;
};

export function enrollmentFromRow(row: EnrollmentRow): Enrollment {
  return {
    residentId: row.resident_id,
    coverageYear: row.coverage_year,
    policyId: row.policy_id,
    status: row.status,
    registeredOn: row.registered_on,
    registeredBy: row.registered_by,
    paidOn: row.paid_on,
    coverageStart: row.coverage_start,
    coverageEnd: row.coverage_end,
    orderNo: row.order_no,
    updatedAt: row.updated_at,
  };
}

export function enrollmentToRow(e: Enrollment): EnrollmentRow {
  return {
    resident_id: e.residentId,
    coverage_year: e.coverageYear,
    policy_id: e.policyId,
    status: e.status,
    registered_on: e.registeredOn,
    registered_by: e.registeredBy,
    paid_on: e.paidOn,
    coverage_start: e.coverageStart,
    coverage_end: e.coverageEnd,
    order_no: e.orderNo,
    updated_at: e.updatedAt,
  };
}

export type UserRow = { openid: string; resident_id: string | null; created_at: string; updated_at: string };

export function userFromRow(row: UserRow): User {
  return { openid: row.openid, residentId: row.resident_id, createdAt: row.created_at, updatedAt: row.updated_at };
}

export function userToRow(u: User): UserRow {
  return { openid: u.openid, resident_id: u.residentId, created_at: u.createdAt, updated_at: u.updatedAt };
}

export type BindingRow = {
  id: string;
  owner_openid: string;
  resident_id: string;
  relationship: FamilyBinding['relationship'];
  status: FamilyBinding['status'];
  consent_code_hash: string | null;
  consent_expires_at: string | null;
  consent_attempts: number;
  confirmed_by: FamilyBinding['confirmedBy'];
  created_at: string;
  updated_at: string;
};

export function bindingFromRow(row: BindingRow): FamilyBinding {
  return {
    id: row.id,
    ownerOpenid: row.owner_openid,
    residentId: row.resident_id,
    relationship: row.relationship,
    status: row.status,
    consentCodeHash: row.consent_code_hash,
    consentExpiresAt: row.consent_expires_at,
    consentAttempts: row.consent_attempts,
    confirmedBy: row.confirmed_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function bindingToRow(b: FamilyBinding): BindingRow {
  return {
    id: b.id,
    owner_openid: b.ownerOpenid,
    resident_id: b.residentId,
    relationship: b.relationship,
    status: b.status,
    consent_code_hash: b.consentCodeHash,
    consent_expires_at: b.consentExpiresAt,
    consent_attempts: b.consentAttempts,
    confirmed_by: b.confirmedBy,
    created_at: b.createdAt,
    updated_at: b.updatedAt,
  };
}

export type OrderRow = {
  order_no: string;
  payer_openid: string;
  idempotency_key: string;
  source: Order['source'];
  state: Order['state'];
  total_fen: number;
  created_at: string;
  updated_at: string;
  expires_at: string;
  paid_at: string | null;
  transaction_id: string | null;
  failure_reason: string | null;
};

export type OrderItemRow = {
  order_no: string;
  position: number;
  resident_id: string;
  policy_id: string;
  coverage_year: number;
  amount_fen: number;
};

export function orderFromRows(row: OrderRow, items: readonly OrderItemRow[]): Order {
  return {
    orderNo: row.order_no,
    payerOpenid: row.payer_openid,
    idempotencyKey: row.idempotency_key,
    source: row.source,
    state: row.state,
    items: items.map((item): OrderItem => ({
      residentId: item.resident_id,
      policyId: item.policy_id,
      coverageYear: item.coverage_year,
      amountFen: item.amount_fen,
    })),
    totalFen: row.total_fen,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
    paidAt: row.paid_at,
    transactionId: row.transaction_id,
    failureReason: row.failure_reason,
  };
}

export function orderToRow(o: Order): OrderRow {
  return {
    order_no: o.orderNo,
    payer_openid: o.payerOpenid,
    idempotency_key: o.idempotencyKey,
    source: o.source,
    state: o.state,
    total_fen: o.totalFen,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    expires_at: o.expiresAt,
    paid_at: o.paidAt,
    transaction_id: o.transactionId,
    failure_reason: o.failureReason,
  };
}

export function orderItemsToRows(o: Order): OrderItemRow[] {
  return o.items.map((item, position) => ({
    order_no: o.orderNo,
    position,
    resident_id: item.residentId,
    policy_id: item.policyId,
    coverage_year: item.coverageYear,
    amount_fen: item.amountFen,
  }));
}

export type NotificationRow = {
  transaction_id: string;
  order_no: string;
  outcome: PaymentNotification['outcome'];
  received_at: string;
};

export function notificationFromRow(row: NotificationRow): PaymentNotification {
  return {
    transactionId: row.transaction_id,
    orderNo: row.order_no,
    outcome: row.outcome,
    receivedAt: row.received_at,
  };
}

export function notificationToRow(n: PaymentNotification): NotificationRow {
  return { transaction_id: n.transactionId, order_no: n.orderNo, outcome: n.outcome, received_at: n.receivedAt };
}
