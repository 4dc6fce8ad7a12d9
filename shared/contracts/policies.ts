import { z } from 'zod';
import { benefitStartSchema, shareSchema, categoryConditionSchema } from '../rules/policy-schema';
import { sourceOut } from './common';

/** `policies`: the catalogue of every policy, its categories (id + label as the document names it) and windows. */
export const input = z.object({}).strict();

const categoryOut = z.object({
  id: z.string(),
  label: z.string(),
  share: shareSchema,
  /** What the person pays of the personal contribution, in yuan; null where another document decides. */
  personalAmount: z.number().nullable(),
  funder: z.string().optional(),
  condition: categoryConditionSchema.optional(),
  source: sourceOut,
  note: z.string().optional(),
});

const windowOut = z.object({
  id: z.string(),
  kind: z.enum(['registration', 'central', 'extension', 'back-payment', 'special']),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  acceptsPayment: z.boolean(),
  openTo: z.array(z.string()).optional(),
  benefitStart: benefitStartSchema,
  familyPayment: z.boolean(),
  source: sourceOut,
  note: z.string().optional(),
});

export const policySummary = z.object({
  id: z.string(),
  name: z.string(),
  jurisdiction: z.string(),
  regionCode: z.string(),
  coverageYear: z.number().int(),
  coverageStart: z.string(),
  coverageEnd: z.string(),
  personalContribution: z.number(),
  fiscalSubsidy: z.number(),
  documents: z.array(
    z.object({
      number: z.string(),
      title: z.string(),
      issuer: z.string(),
      issuedOn: z.string().optional(),
      forwardedBy: z.string().optional(),
    }),
  ),
  categories: z.array(categoryOut),
  subsidiesDeferredTo: z.string().optional(),
  windows: z.array(windowOut),
  notes: z.array(z.object({ text: z.string(), source: sourceOut })),
});
export type PolicySummary = z.infer<typeof policySummary>;

export const output = z.object({ policies: z.array(policySummary) });
export type PoliciesOutput = z.infer<typeof output>;
