/**
 * What the storage holds, as zod schemas: the SQLite adapter maps its rows to these types and the
 * CloudBase adapter parses every document it reads with them, so a document that drifted from the
 * shape fails loudly at the door instead of deep inside a use case.
 * Dates are 'YYYY-MM-DD' calendar days (Asia/Shanghai); timestamps are ISO 8601 instants in UTC
 * (`Date#toISOString()`); money is integer fen.
 */
import { z } from 'zod';
import { relationshipOut } from '../../../shared/contracts/benefits';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const timestamp = z.string().datetime();
const fen = z.number().int().nonnegative();

/** Why a person may enroll in a locality's resident insurance (参保范围), as the registry records it. */
export const residencyBasis = z.enum([
  'hukou', // 本地户籍
  'residencePermit', // 持本地居住证
  'student', // 在本地就读的学生
  'armedPolice', // 驻地武警部队人员 / 军人家属
  'hkMacaoTaiwan', // 港澳台居民
  'foreignPermanentResident', // 外国人永久居留
]);
export type ResidencyBasis = z.infer<typeof residencyBasis>;

/** Kinship as a household register or a family binding states it, seen from the head / the owner. */
export const relationship = relationshipOut;
export type Relationship = z.infer<typeof relationship>;

/** A person in the reference registry (the 公安 / 民政 sources stand-in). */
export const resident = z.object({
  id: z.string().min(1),
  /** AES-256-GCM sealed ID number (lib/pii); never stored in clear. */
  idSealed: z.string().min(1),
  /** HMAC-SHA256 of the normalized ID number; unique; how a resident is found by ID number. */
  idLookupKey: z.string().min(1),
  /** '350***********1234', for display without opening the seal. */
  idMasked: z.string().min(1),
  name: z.string().min(1),
  birthDate: isoDate,
  sex: z.enum(['male', 'female']),
  householdId: z.string().nullable(),
  /** Relation to the household head ('self' for the head). */
  relationToHead: relationship.nullable(),
  bases: z.array(residencyBasis),
  /** 6-digit GB/T 2260 code of the locality where the person is insured (matched to a policy's regionCode). */
  localityCode: z.string().regex(/^\d{6}$/),
  student: z.object({ status: z.enum(['new', 'enrolled']), level: z.enum(['university', 'school']) }).nullable(),
  /** Currently covered by 职工医保 (and so not by resident insurance). */
  inEmployeeInsurance: z.boolean(),
  employeeInsuranceEndedOn: isoDate.nullable(),
  employeeInsuranceYears: z.number().nonnegative().nullable(),
  createdAt: timestamp,
});
export type Resident = z.infer<typeof resident>;

export const household = z.object({
  id: z.string().min(1),
  localityCode: z.string().regex(/^\d{6}$/),
  /** Free text as the 户口簿 shows it; personal information, never logged. */
  address: z.string(),
  headResidentId: z.string().nullable(),
  createdAt: timestamp,
});
export type Household = z.infer<typeof household>;

/** One entry of an authority's certified list (特困, 低保, 监测人口 …) for one policy year. */
export const subsidyCertification = z.object({
  residentId: z.string().min(1),
  policyId: z.string().min(1),
  /** A category id of that policy (shared/rules). */
  categoryId: z.string().min(1),
  certifiedOn: isoDate,
  /** Who certified it, e.g. '民政部门'. */
  authority: z.string().min(1),
});
export type SubsidyCertification = z.infer<typeof subsidyCertification>;

/** A resident's enrollment for one coverage year; one per (resident, coverage year). */
export const enrollment = z.object({
  residentId: z.string().min(1),
  policyId: z.string().min(1),
  coverageYear: z.number().int(),
  status: z.enum(['registered', 'paid']),
  registeredOn: isoDate,
  /** OPENID of whoever registered the person (themselves, a relative, a parent). */
  registeredBy: z.string().min(1),
  paidOn: isoDate.nullable(),
  /** Null while unpaid, or when the payment buys no benefit in the coverage year. */
  coverageStart: isoDate.nullable(),
  coverageEnd: isoDate,
  /**
   * The order paying it: while 'registered', the order that claimed it (a person is in at most one
   * live order, so nobody is charged twice); once 'paid', the order that paid it.
   */
  orderNo: z.string().nullable(),
  updatedAt: timestamp,
});
export type Enrollment = z.infer<typeof enrollment>;
export type EnrollmentStatus = Enrollment['status'];

/** A WeChat user (OPENID) and the resident they are, once they said who they are. */
export const user = z.object({
  openid: z.string().min(1),
  /** Unique: a resident belongs to at most one WeChat account. */
  residentId: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type User = z.infer<typeof user>;

/**
 * 家庭绑定: the owner (an OPENID) may see a relative's benefit status once the binding is confirmed —
 * by the relative from their own WeChat (aged 14+), or by the guardian binding a child under 14.
 * One binding per (owner, relative); re-binding after a revocation reuses it.
 */
export const familyBinding = z.object({
  id: z.string().min(1),
  ownerOpenid: z.string().min(1),
  residentId: z.string().min(1),
  /** The relative, seen from the owner ('child' = the relative is the owner's child). */
  relationship,
  status: z.enum(['pending', 'confirmed', 'revoked']),
  /** Keyed hash of the one-time consent code (Pii.consentCodeHash); null once used or revoked. */
  consentCodeHash: z.string().nullable(),
  consentExpiresAt: timestamp.nullable(),
  /** Wrong consent codes tried against this binding; at the limit the binding is voided. */
  consentAttempts: z.number().int().nonnegative().default(0),
  confirmedBy: z.enum(['relative', 'guardian']).nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type FamilyBinding = z.infer<typeof familyBinding>;
export type BindingStatus = FamilyBinding['status'];

/** One person's premium inside an order. */
export const orderItem = z.object({
  residentId: z.string().min(1),
  policyId: z.string().min(1),
  coverageYear: z.number().int(),
  amountFen: fen,
});
export type OrderItem = z.infer<typeof orderItem>;

export const orderState = z.enum(['pending', 'paid', 'failed', 'expired', 'refunded']);
export type OrderState = z.infer<typeof orderState>;

export const order = z.object({
  /** Unique; WeChat Pay's out_trade_no. */
  orderNo: z.string().min(1),
  /** The payer's OPENID from the platform context. */
  payerOpenid: z.string().min(1),
  /** The client's key for "the same payment again"; unique per payer. */
  idempotencyKey: z.string().min(1),
  source: z.enum(['wechat', 'employee-account']),
  state: orderState,
  items: z.array(orderItem).min(1),
  totalFen: fen,
  createdAt: timestamp,
  updatedAt: timestamp,
  /** After this instant a pending order can no longer be paid. */
  expiresAt: timestamp,
  paidAt: timestamp.nullable(),
  /** The gateway's transaction id once paid. */
  transactionId: z.string().nullable(),
  failureReason: z.string().nullable(),
});
export type Order = z.infer<typeof order>;

/** A payment notification already acted upon; its transaction id is unique, so a replay is seen as one. */
export const paymentNotification = z.object({
  /** The gateway's id of what was notified; for an event that carries none (a failure), a stable id derived from it. */
  transactionId: z.string().min(1),
  orderNo: z.string().min(1),
  outcome: z.enum(['paid', 'failed', 'refunded']),
  receivedAt: timestamp,
});
export type PaymentNotification = z.infer<typeof paymentNotification>;
