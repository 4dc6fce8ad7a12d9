import { z } from 'zod';
import { explanationOut, sourceOut } from './common';
import { payParams } from './pay-params';
import { idNumberIn, opaqueId, personName, relativeRelationship } from './people';
import { waitingPeriod } from './quote';

/**
 * `pay`: one order for one or several people (me, bound relatives, anyone by name + ID number),
 * all-or-nothing, amounts from the rules at today's date. `preview` shows what `create` would charge
 * and its warnings (say, "this payment buys no cover this year") before anything is charged.
 */
const coverageYear = z
  .number({ invalid_type_error: '参保年度应为数字' })
  .int('参保年度应为整数')
  .min(2000, '参保年度不正确')
  .max(2100, '参保年度不正确');

/** `residentRef`: 'self', or the bindingId of a relative I bound (family.list). */
const byRef = z
  .object({ residentRef: z.union([z.literal('self'), opaqueId('家人编号')]), coverageYear: coverageYear.optional() })
  .strict();
/** Anyone, given name + ID number: the payer sees only what is due. */
const byIdNumber = z.object({ name: personName, idNumber: idNumberIn, coverageYear: coverageYear.optional() }).strict();

export const personIn = z.union([byRef, byIdNumber], {
  errorMap: () => ({ message: '每位缴费人请选择本人或已绑定的家人，或填写姓名和身份证号码' }),
});
export type PersonIn = z.infer<typeof personIn>;

const people = z
  .array(personIn, { required_error: '请选择要缴费的人', invalid_type_error: '缴费人应为列表' })
  .min(1, '请至少选择一位缴费人')
  .max(10, '一笔订单最多为10人缴费');

export const paySource = z.enum(['wechat', 'employee-account'], {
  message: '缴费方式应为微信支付或职工医保个人账户（家庭共济）',
});
export type PaySource = z.infer<typeof paySource>;

/** The client's key for "this same payment again" (a retry, a double tap): same key → same order. */
const idempotencyKey = z
  .string({ required_error: '缺少请求编号', invalid_type_error: '请求编号应为文字' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号应为8–64位字母、数字、-或_');

const orderNo = opaqueId('订单号');

export const input = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('preview'), people, source: paySource }).strict(),
    z.object({ action: z.literal('create'), people, source: paySource, idempotencyKey }).strict(),
    z.object({ action: z.literal('status'), orderNo }).strict(),
    z.object({ action: z.literal('cancel'), orderNo }).strict(),
  ],
  { errorMap: () => ({ message: '操作应为 preview（试算）、create（下单）、status（查询）或 cancel（取消）' }) },
);
export type PayInput = z.infer<typeof input>;

export const relationshipOut = z.union([z.literal('self'), relativeRelationship]).nullable();

/** Shown only for me and relatives who consented; for anyone else the payer sees only what is due. */
export const quoteDetails = z.object({
  standardAmount: z.number(),
  subsidyAmount: z.number(),
  coverageStart: z.string().nullable(),
  coverageEnd: z.string(),
  waitingPeriod: waitingPeriod.nullable(),
  explanation: explanationOut,
});

export const quotedPerson = z.object({
  name: z.string(),
  idMasked: z.string(),
  /** Null: not someone I bound. */
  relationship: relationshipOut,
  policyId: z.string(),
  policyName: z.string(),
  coverageYear: z.number().int(),
  /** Yuan. */
  amountDue: z.number(),
  warnings: z.array(z.string()),
  details: quoteDetails.nullable(),
});

export const orderState = z.enum(['pending', 'paid', 'failed', 'expired', 'refunded']);

export const orderItem = z.object({
  name: z.string(),
  idMasked: z.string(),
  relationship: relationshipOut,
  policyId: z.string(),
  policyName: z.string(),
  coverageYear: z.number().int(),
  /** Yuan. */
  amount: z.number(),
  /** Once paid, and only for me and consenting relatives. */
  cover: z.object({ start: z.string().nullable(), end: z.string() }).nullable(),
});

export const order = z.object({
  orderNo: z.string(),
  state: orderState,
  source: paySource,
  /** Yuan. */
  total: z.number(),
  createdAt: z.string(),
  expiresAt: z.string(),
  paidAt: z.string().nullable(),
  transactionId: z.string().nullable(),
  failureReason: z.string().nullable(),
  items: z.array(orderItem),
  /** The clause the amounts come from, per policy in the order. */
  basis: z.array(z.object({ policyId: z.string(), policyName: z.string(), source: sourceOut })),
});
export type OrderView = z.infer<typeof order>;

export const output = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('preview'),
    source: paySource,
    people: z.array(quotedPerson),
    /** Yuan. */
    total: z.number(),
    warnings: z.array(z.string()),
  }),
  z.object({
    action: z.literal('create'),
    order,
    /** Opens the pay sheet; null when nothing is left to pay on it (employee account, already settled). */
    payParams: payParams.nullable(),
    /** True when an earlier order was returned (same request key, or the same people already pending). */
    reused: z.boolean(),
    warnings: z.array(z.string()),
  }),
  z.object({ action: z.literal('status'), order }),
  z.object({ action: z.literal('cancel'), order }),
]);
export type PayOutput = z.infer<typeof output>;
