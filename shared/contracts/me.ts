import { z } from 'zod';
import { sourceOut } from './common';
import { output as quoteOutput } from './quote';
import { relationshipOut } from './benefits';
import { maskedId, policyRef } from './register';

/**
 * `me` (首页): who I am (ID masked), my locality's current policy year, its collection deadlines with the
 * days left as of today, and what I and the relatives who consented still owe this year (quoted by the
 * rules engine at today's date), with whether each is already enrolled or renewed by default.
 */
export const input = z.object({}).strict();
export type MeInput = z.infer<typeof input>;

export const deadline = z.object({
  windowId: z.string(),
  kind: z.enum(['registration', 'central', 'extension', 'back-payment', 'special']),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  acceptsPayment: z.boolean(),
  /** 家庭共济 (paying from a relative's employee account) is possible in this window. */
  familyPayment: z.boolean(),
  /** Who the window is for, when not everyone (in Chinese). */
  onlyFor: z.array(z.string()),
  state: z.enum(['upcoming', 'open', 'closed']),
  /** Open: days left counting today (1 = today is the last day). */
  daysLeft: z.number().int().positive().nullable(),
  /** Upcoming: days until it opens. */
  daysUntilStart: z.number().int().positive().nullable(),
  source: sourceOut,
});
export type Deadline = z.infer<typeof deadline>;

export const personDue = z.object({
  residentId: z.string(),
  relationship: relationshipOut,
  name: z.string(),
  idMasked: maskedId,
  /** The coverage year in question and its policy; null when no policy applies today. */
  coverageYear: z.number().int().nullable(),
  policyId: z.string().nullable(),
  /**
   * paid · registered (not paid) · renewed (last year's enrollee, renewed by default — 默认续保) ·
   * none (not enrolled) · notEligible (e.g. in employee insurance) · noPolicy.
   */
  standing: z.enum(['paid', 'registered', 'renewed', 'none', 'notEligible', 'noPolicy']),
  notice: z.string(),
  /** Yuan still owed if paid today; null when nothing is owed or no payment window is open today. */
  amountDue: z.number().nonnegative().nullable(),
  /** Paying today, per the rules engine; null without a policy or eligibility. */
  quote: quoteOutput.nullable(),
});
export type PersonDue = z.infer<typeof personDue>;

export const output = z.object({
  today: z.string(),
  /** Null until the caller has said who they are (参保登记). */
  me: z.object({ residentId: z.string(), name: z.string(), idMasked: maskedId }).nullable(),
  policy: policyRef.nullable(),
  /** Why no policy applies to me today, when none does. */
  noPolicyReason: z.string().nullable(),
  deadlines: z.array(deadline),
  people: z.array(personDue),
  /** Yuan: the sum of `amountDue`. */
  totalDue: z.number().nonnegative(),
});
export type MeOutput = z.infer<typeof output>;
