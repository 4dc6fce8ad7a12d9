import { z } from 'zod';
import { explanationOut, sourceOut } from './common';
import { idNumberIn, personName } from './people';
import { output as quoteOutput } from './quote';

/**
 * `register` (参保登记): the caller says who they are (name + ID number, checked against the registry;
 * the first call links their WeChat account to that person) and registers for the current coverage
 * year — alone, or with the members of their household (户口簿). A household enrolling for the first
 * time must bring all its eligible members (全户参保): the first answer lists them for confirmation.
 * Registration creates unpaid enrollments; paying is the `pay` function.
 */

const residentRef = z
  .string({ invalid_type_error: '人员编号应为文字' })
  .min(1, '人员编号不能为空')
  .max(64, '人员编号不正确');

export const input = z
  .object({
    name: personName,
    idNumber: idNumberIn,
    /** true: register every eligible member of my household with me (全户参保). */
    wholeHousehold: z.boolean({ invalid_type_error: '是否全户参保应为是或否' }).optional(),
    /** Or: the household members (their `residentId` from a previous answer) to register with me. */
    memberIds: z
      .array(residentRef, { invalid_type_error: '一并登记的人员应为列表' })
      .max(20, '一次最多登记20人')
      .optional(),
  })
  .strict();
export type RegisterInput = z.infer<typeof input>;

/** A masked ID number ('350***********1234'): never a whole one. */
export const maskedId = z
  .string()
  .refine((value) => !/\d{17}[\dXx]/.test(value) && !/^[A-Za-z]\d{9}$/.test(value), { message: '证件号码必须打码' });

export const policyRef = z.object({
  id: z.string(),
  name: z.string(),
  jurisdiction: z.string(),
  coverageYear: z.number().int(),
  coverageStart: z.string(),
  coverageEnd: z.string(),
});
export type PolicyRef = z.infer<typeof policyRef>;

/** Where a person stands for the coverage year: renewed = enrolled last year and renewed by default (默认续保). */
export const enrollmentStanding = z.enum(['none', 'registered', 'renewed', 'paid']);

export const householdMember = z.object({
  residentId: z.string(),
  /** The caller's own name in full; other members' given names are partly hidden ('张*华'). */
  name: z.string(),
  idMasked: maskedId,
  isSelf: z.boolean(),
  eligible: z.boolean(),
  /** Why not, when not eligible. */
  reason: z.string().optional(),
  standing: enrollmentStanding,
});
export type HouseholdMember = z.infer<typeof householdMember>;

export const registeredPerson = z.object({
  residentId: z.string(),
  name: z.string(),
  idMasked: maskedId,
  isSelf: z.boolean(),
  standing: enrollmentStanding.exclude(['none']),
  /** True when this call created the enrollment (false on a retry or when nothing needed doing). */
  newlyRegistered: z.boolean(),
  /** One plain sentence about this person's registration. */
  notice: z.string(),
  /** What paying today costs and when cover would start (from the rules engine, at today's date). */
  quote: quoteOutput,
});
export type RegisteredPerson = z.infer<typeof registeredPerson>;

export const output = z.discriminatedUnion('outcome', [
  z.object({
    /** Nothing was registered yet: a first-time household must confirm that all eligible members enroll. */
    outcome: z.literal('confirmHousehold'),
    policy: policyRef,
    message: z.string(),
    source: sourceOut,
    members: z.array(householdMember),
  }),
  z.object({
    outcome: z.literal('registered'),
    policy: policyRef,
    people: z.array(registeredPerson).min(1),
    /** The rest of the household, so the caller can add them later. */
    otherMembers: z.array(householdMember),
    explanation: explanationOut,
  }),
]);
export type RegisterOutput = z.infer<typeof output>;
