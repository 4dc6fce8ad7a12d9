import { z } from 'zod';
import { explanationOut, isoDate, policyId } from './common';

/** `quote`: what paying on a date would cost one person, and from which day it covers them. */
export const person = z
  .object({
    idNumber: z.string().trim().optional(),
    birthDate: isoDate.optional(),
    categories: z.array(z.string().min(1)).max(20, '资助类别过多').optional(),
    student: z.enum(['new', 'enrolled'], { message: '学生身份应为新入学或在校' }).optional(),
    studentLevel: z.enum(['university', 'school'], { message: '学段应为高校或中小学' }).optional(),
    employeeInsuranceEndedOn: isoDate.optional(),
    employeeInsuranceYears: z.number().min(0, '职工医保年限不能为负').max(80, '职工医保年限不合理').optional(),
    migrantWorker: z.boolean().optional(),
  })
  .strict();
export type PersonInput = z.infer<typeof person>;

export const input = z
  .object({
    policyId,
    payDate: isoDate,
    person,
    channel: z.enum(['self', 'family'], { message: '缴费渠道应为本人缴费或家庭共济' }).optional(),
  })
  .strict();
export type QuoteInput = z.infer<typeof input>;

export const waitingPeriod = z.object({
  unit: z.enum(['day', 'month']),
  length: z.number().int().positive(),
  /** Last day of waiting; benefits start the day after. */
  lastDay: z.string(),
});

export const output = z.object({
  policyId: z.string(),
  coverageYear: z.number().int(),
  payable: z.boolean(),
  reason: z.string().optional(),
  /** Yuan. */
  standardAmount: z.number(),
  subsidyAmount: z.number(),
  amountDue: z.number(),
  coverageStart: z.string().nullable(),
  coverageEnd: z.string(),
  waitingPeriod: waitingPeriod.nullable(),
  explanation: explanationOut,
  warnings: z.array(z.string()),
});
export type Quote = z.infer<typeof output>;
