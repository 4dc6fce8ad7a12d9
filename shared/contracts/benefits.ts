import { z } from 'zod';
import { explanationOut } from './common';
import { output as quoteOutput } from './quote';
import { maskedId } from './register';

/**
 * `benefits` (待遇查询): for the caller and each relative whose binding they confirmed, per coverage year:
 * paid on, amount, coverage start and end, days of waiting left as of today, and the clauses that
 * decided it. Relatives with a pending or revoked binding are not shown at all.
 */
export const input = z
  .object({
    /** One coverage year; every year when absent. */
    year: z
      .number({ invalid_type_error: '年度应为数字' })
      .int('年度应为整数')
      .min(2000, '年度不正确')
      .max(2100, '年度不正确')
      .optional(),
  })
  .strict();
export type BenefitsInput = z.infer<typeof input>;

/** The person seen from the caller. */
export const relationshipOut = z.enum([
  'self',
  'spouse',
  'child',
  'parent',
  'grandparent',
  'grandchild',
  'sibling',
  'other',
]);

export const yearStatus = z.object({
  coverageYear: z.number().int(),
  policyId: z.string(),
  /** Null for a policy this version does not know. */
  policyName: z.string().nullable(),
  status: z.enum(['registered', 'paid']),
  registeredOn: z.string(),
  paidOn: z.string().nullable(),
  /** Yuan paid for this person (from the order); null while unpaid or when the order is unknown. */
  amount: z.number().nullable(),
  /** Null while unpaid, or when the payment bought no cover in this year. */
  coverageStart: z.string().nullable(),
  coverageEnd: z.string(),
  /** Covered on today's date. */
  coveredToday: z.boolean(),
  /** Days from today until cover starts: 0 once it started, null when there is no cover this year. */
  waitingDaysLeft: z.number().int().nonnegative().nullable(),
  /** One plain sentence: where this year stands. */
  summary: z.string(),
  /** The clauses behind the coverage dates (recomputed for the pay date) — empty while unpaid. */
  explanation: explanationOut,
  warnings: z.array(z.string()),
  /** Unpaid: what paying today would cost and when cover would start (for another date, use `quote`). */
  todayQuote: quoteOutput.nullable(),
});
export type YearStatus = z.infer<typeof yearStatus>;

export const personBenefits = z.object({
  residentId: z.string(),
  relationship: relationshipOut,
  name: z.string(),
  idMasked: maskedId,
  years: z.array(yearStatus),
});
export type PersonBenefits = z.infer<typeof personBenefits>;

export const output = z.object({
  today: z.string(),
  year: z.number().int().nullable(),
  /** False until the caller has said who they are (参保登记); relatives are shown either way. */
  identified: z.boolean(),
  people: z.array(personBenefits),
});
export type BenefitsOutput = z.infer<typeof output>;
