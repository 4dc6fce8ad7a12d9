import type { z } from 'zod';
import * as benefits from '../../../shared/contracts/benefits';
import * as family from '../../../shared/contracts/family';
import * as me from '../../../shared/contracts/me';
import * as newborn from '../../../shared/contracts/newborn';
import * as orders from '../../../shared/contracts/orders';
import * as pay from '../../../shared/contracts/pay';
import * as policies from '../../../shared/contracts/policies';
import * as quote from '../../../shared/contracts/quote';
import * as register from '../../../shared/contracts/register';

/**
 * Every cloud function the app may call, keyed by its deployed name, with the zod schemas from
 * shared/contracts. Adding a function to the app is one line here; types follow from the schemas.
 */
export const contracts = {
  benefits,
  family,
  me,
  newborn,
  orders,
  pay,
  policies,
  quote,
  register,
} satisfies Record<string, { input: z.ZodTypeAny; output: z.ZodTypeAny }>;

export type FunctionName = keyof typeof contracts;
/** What a page passes in: the schema's input side (before defaults and trims apply). */
export type InputOf<N extends FunctionName> = z.input<(typeof contracts)[N]['input']>;
/** What a page gets back once the reply has been validated. */
export type OutputOf<N extends FunctionName> = z.output<(typeof contracts)[N]['output']>;
