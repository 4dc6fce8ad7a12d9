import { z } from 'zod';
import { isIsoDate } from './civil-date';
import { sourceSchema } from './source';

/**
 * A policy document as data. Every value that changes what a resident pays or when benefits start
 * carries the clause it comes from; the engine never hard-codes a locality.
 */

export const isoDateSchema = z.string().refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD 且为真实日期' });
const fenSchema = z.number().int().nonnegative();

/**
 * The groups a rule can name. The engine decides which a person belongs to from the person's facts
 * and this policy's own conditions (e.g. Jinjiang's "停保3个月（含）内").
 */
export const groupSchema = z.enum([
  'newborn', // under one year old on the pay date
  'newbornWithin90Days', // and paid on or before birth + 90 days
  'newStudent',
  'enrolledStudent',
  'employeeTransfer', // meets this policy's employee-insurance transfer condition
  'employeeTransferLate', // Lingbi: ≥2 years employee insurance, broken more than 3 months
  'hardship', // holds a category that marks 困难人口 / 医疗救助对象
  'migrantWorker', // Lingbi: 外出务工春节返乡的农民工
  'lateEnrollment', // Lingbi: groups who may enroll after the central period
  'newAssistanceRecipient', // Lingbi: 动态新增的救助对象
]);
export type Group = z.infer<typeof groupSchema>;

const sourced = <T extends z.ZodTypeAny>(value: T) => z.object({ value, source: sourceSchema });

export const waitingSchema = z.object({
  unit: z.enum(['day', 'month']),
  length: z.number().int().positive(),
});
export type Waiting = z.infer<typeof waitingSchema>;

export const benefitStartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('coverageYearStart') }), // annual enrollment: from 1 January
  z.object({ kind: z.literal('payDate') }), // "从缴费之日起"
  z.object({ kind: z.literal('dayAfterPayDate') }), // "自参保缴费次日起"
  z.object({ kind: z.literal('afterWaiting'), waiting: waitingSchema }),
]);
export type BenefitStart = z.infer<typeof benefitStartSchema>;

export const windowSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['registration', 'central', 'extension', 'back-payment', 'special']),
  label: z.string().min(1),
  start: isoDateSchema,
  end: isoDateSchema,
  /** A registration-only window (Jinjiang's 集中登记期) takes no payments. */
  acceptsPayment: z.boolean(),
  /** Only these groups may pay in this window; absent = every resident. */
  openTo: z.array(groupSchema).optional(),
  benefitStart: benefitStartSchema,
  source: sourceSchema,
  note: z.string().optional(),
});
export type PolicyWindow = z.infer<typeof windowSchema>;

export const categoryConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ageAtLeast'), years: z.number().int().positive() }),
  z.object({ kind: z.literal('ageBelow'), years: z.number().int().positive() }),
  z.object({ kind: z.literal('bornBefore'), date: isoDateSchema }),
]);
export type CategoryCondition = z.infer<typeof categoryConditionSchema>;

/** What the person still pays of the personal contribution. */
export const shareSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full') }), // 全额资助: pays nothing
  z.object({ kind: z.literal('personalPercent'), percent: z.number().int().min(0).max(100) }),
  z.object({ kind: z.literal('fixedPersonal'), amount: fenSchema }),
  z.object({ kind: z.literal('fixedSubsidy'), amount: fenSchema }),
  z.object({ kind: z.literal('none') }), // named by the document, but no longer subsidised
  z.object({ kind: z.literal('deferred'), document: z.string().min(1) }), // set by a document not in the seeds
]);
export type Share = z.infer<typeof shareSchema>;

export const categorySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** As the document names it. */
  label: z.string().min(1),
  share: shareSchema,
  /** Who pays the subsidy, as the document says (for the breakdown shown to the resident). */
  funder: z.string().optional(),
  condition: categoryConditionSchema.optional(),
  /** Groups this category puts a person in (e.g. hardship → exempt from waiting). */
  groups: z.array(groupSchema).optional(),
  source: sourceSchema,
  note: z.string().optional(),
});
export type Category = z.infer<typeof categorySchema>;

export const exemptionSchema = z.object({
  group: groupSchema,
  source: sourceSchema,
  /** Set when the document only says "按有关规定执行" and names no rule of its own. */
  deferredTo: z.string().optional(),
});
export type Exemption = z.infer<typeof exemptionSchema>;

export const studentRuleSchema = z.object({
  student: z.enum(['new', 'enrolled']),
  levels: z.array(z.enum(['university', 'school'])).min(1),
  paidFrom: isoDateSchema,
  paidTo: isoDateSchema,
  benefitStart: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), date: isoDateSchema }),
    z.object({ kind: z.literal('payDate') }),
    z.object({ kind: z.literal('afterWaiting'), waiting: waitingSchema }),
  ]),
  /** Last covered day when it is not the coverage year's end. */
  coverageEnd: isoDateSchema.optional(),
  source: sourceSchema,
  note: z.string().optional(),
});
export type StudentRule = z.infer<typeof studentRuleSchema>;

export const policySchema = z.object({
  id: z.string().regex(/^[a-z]{2}-[a-z0-9-]+-\d{4}$/),
  name: z.string().min(1),
  jurisdiction: z.string().min(1),
  /** Nearest region code prefix of the locality (GB/T 2260), for matching residents to policies. */
  regionCode: z.string().regex(/^\d{2,6}$/),
  coverageYear: z.number().int(),
  coverage: z.object({ start: isoDateSchema, end: isoDateSchema, source: sourceSchema }),
  documents: z
    .array(
      z.object({
        number: z.string().min(1),
        title: z.string().min(1),
        issuer: z.string().min(1),
        issuedOn: isoDateSchema.optional(),
        forwardedBy: z.string().optional(),
      }),
    )
    .min(1),
  contribution: z.object({
    personal: sourced(fenSchema),
    /** 财政补助 "不低于" this amount per person. */
    fiscal: sourced(fenSchema),
  }),
  windows: z.array(windowSchema).min(1),
  waitingExemptions: z.array(exemptionSchema),
  /** From this date a back-payment costs personal + fiscal (补缴人员按个人缴费和财政补助之和缴费). */
  fullCost: z
    .object({
      from: isoDateSchema,
      exempt: z.array(exemptionSchema),
      source: sourceSchema,
      note: z.string().optional(),
    })
    .optional(),
  employeeTransfer: z
    .object({
      /** Employee insurance stopped at most this many months (inclusive) before paying. */
      maxGapMonths: z.number().int().positive().optional(),
      /** Lingbi: at least this many years of employee insurance (not counting back-payment). */
      minYears: z.number().int().positive().optional(),
      source: sourceSchema,
      deferredTo: z.string().optional(),
      note: z.string().optional(),
    })
    .optional(),
  newborn: z
    .object({
      /** Paid on or before birth + this many days → covered from birth. */
      withinDays: z.number().int().positive(),
      /** What happens after that: covered from the pay date, or no rule lets the baby enroll. */
      after: z.enum(['payDate', 'notProvided']),
      /** Lingbi enrolls a newborn only with its ID number; elsewhere a birth certificate will do. */
      identity: z.enum(['any', 'idNumber']),
      source: sourceSchema,
    })
    .optional(),
  students: z.array(studentRuleSchema),
  categories: z.array(categorySchema),
  /** The document leaves the subsidy list to another document not in the seeds. */
  subsidiesDeferredTo: z.object({ document: z.string().min(1), source: sourceSchema }).optional(),
  /** Lingbi: after this date only newly certified recipients are still subsidised. */
  subsidyDeadline: z
    .object({ date: isoDateSchema, exceptGroups: z.array(groupSchema), source: sourceSchema })
    .optional(),
  /** 家庭共济代缴 (paying from a relative's employee account) is possible only in these windows. */
  familyPayment: z.object({ windowIds: z.array(z.string()).min(1), source: sourceSchema }).optional(),
  /** 全户参保: a new household enrolls all its eligible members together. */
  wholeHousehold: z.object({ source: sourceSchema }).optional(),
  /** 默认续保: last year's enrollees are renewed without registering again. */
  autoRenewal: z.object({ source: sourceSchema }).optional(),
  /** Who may enroll here (参保范围), as the document lists them. */
  eligibility: z.array(
    z.object({
      kind: z.enum([
        'hukou',
        'residencePermit',
        'student',
        'armedPolice',
        'hkMacaoTaiwan',
        'foreignPermanentResident',
        'migrantChild',
        'longTermResident',
        'suspendedEmployee',
      ]),
      label: z.string().min(1),
      source: sourceSchema,
    }),
  ),
  /** Clauses shown to residents that the engine does not compute (e.g. certification timing). */
  notes: z.array(z.object({ text: z.string().min(1), source: sourceSchema })),
});
export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;
