import { z } from 'zod';
import { explanationOut, isoDate, sourceOut } from './common';
import { output as quoteOutput } from './quote';
import { idNumberIn, personName } from './people';
import { maskedId } from './register';

/**
 * `newborn` (新生儿参保): a parent enrolls their baby. `check` answers up front — days since birth,
 * whether today is within the policy's newborn period (出生90日内), from when cover would start, and for a
 * baby born late in the year the next year too; `enroll` registers the baby for the chosen years, adds
 * the baby to the parent's household and binds the baby to the parent (guardian of a child under 14).
 */

/**
 * 出生医学证明编号: one capital letter and nine digits, as printed on the certificate since 2014
 * (e.g. Q350123456). Full-width characters and spaces are tolerated; a lower-case letter is raised.
 */
export const BIRTH_CERTIFICATE_PATTERN = /^[A-Z]\d{9}$/;

export function normalizeCertificateNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

const certificateNumber = z
  .string({ required_error: '请填写出生医学证明编号', invalid_type_error: '出生医学证明编号应为文字' })
  .transform(normalizeCertificateNumber)
  .refine((value) => BIRTH_CERTIFICATE_PATTERN.test(value), {
    message: '出生医学证明编号应为1个英文字母加9位数字，如 Q350123456，请对照证明右上角的编号填写',
  });

export const baby = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        /** The baby already has a 身份证号码 (户口已登记): birth date and sex are read from it. */
        kind: z.literal('idNumber'),
        name: personName,
        idNumber: idNumberIn,
      })
      .strict(),
    z
      .object({
        kind: z.literal('birthCertificate'),
        name: personName,
        certificateNumber,
        sex: z.enum(['male', 'female'], { message: '请选择性别' }),
        birthDate: isoDate,
      })
      .strict(),
  ],
  { errorMap: () => ({ message: '请选择用身份证号码还是出生医学证明办理' }) },
);
export type BabyInput = z.infer<typeof baby>;

/**
 * What the caller is to the baby. A parent may enroll a baby the registry does not know yet (on their
 * declaration); a guardian (e.g. a grandparent) only one the household register shows in their household.
 */
const relationship = z.enum(['parent', 'guardian'], { message: '请选择您是孩子的父母还是监护人' });

const coverageYears = z
  .array(
    z
      .number({ invalid_type_error: '参保年度应为数字' })
      .int('参保年度应为整数')
      .min(2000, '参保年度不正确')
      .max(2100, '参保年度不正确'),
    {
      required_error: '请选择参保年度',
      invalid_type_error: '参保年度应为列表',
    },
  )
  .min(1, '请至少选择一个参保年度')
  .max(2, '最多选择两个参保年度');

export const input = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('check'), baby }).strict(),
    z
      .object({
        action: z.literal('enroll'),
        baby,
        relationship,
        /** Which of the offered years to enroll in (from `check`). */
        coverageYears,
      })
      .strict(),
  ],
  { errorMap: () => ({ message: '请选择“查询”或“办理参保”' }) },
);
export type NewbornInput = z.infer<typeof input>;

export const newbornYear = z.object({
  coverageYear: z.number().int(),
  /** Null when we do not have this year's policy yet. */
  policy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Whether the baby can be enrolled for this year today. */
  offered: z.boolean(),
  /** Why not, when not offered (or why this year is suggested). */
  note: z.string(),
  /** Paying today: amount and when cover starts; null without a policy. */
  quote: quoteOutput.nullable(),
  /** The baby's enrollment for this year, if any (after `enroll`, or from before). */
  enrollment: z.object({ status: z.enum(['registered', 'paid']), newlyRegistered: z.boolean() }).nullable(),
});
export type NewbornYear = z.infer<typeof newbornYear>;

export const output = z.object({
  baby: z.object({
    /** Set once the baby is in the registry (always after `enroll`). */
    residentId: z.string().nullable(),
    name: z.string(),
    sex: z.enum(['male', 'female']),
    birthDate: z.string(),
    identity: z.enum(['idNumber', 'birthCertificate']),
    /** Masked ID number or masked certificate number. */
    documentMasked: maskedId,
  }),
  today: z.string(),
  /** Days from the birth date to today (the birth day not counted, as the Civil Code counts). */
  daysSinceBirth: z.number().int().nonnegative(),
  /** The policy's newborn clause as it applies to this baby; null where the policy has none. */
  newbornRule: z
    .object({
      withinDays: z.number().int().positive(),
      /** Birth date + withinDays: the last day a payment still covers the baby from birth. */
      lastDay: z.string(),
      /** Today is on or before `lastDay`. */
      withinPeriod: z.boolean(),
      daysLeft: z.number().int().nonnegative(),
      source: sourceOut,
    })
    .nullable(),
  years: z.array(newbornYear).min(1),
  /** True after `enroll`: the baby is bound to the caller (监护人绑定), so its status shows in 待遇查询. */
  boundToCaller: z.boolean(),
  explanation: explanationOut,
});
export type NewbornOutput = z.infer<typeof output>;
