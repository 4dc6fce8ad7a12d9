import type { z } from 'zod';
import * as policies from '../../../shared/contracts/policies';
import * as quote from '../../../shared/contracts/quote';

/**
 * Every cloud function the app may call, keyed by its deployed name, with the zod schemas from
 * shared/contracts. Adding a function to the app is one line here; types follow from the schemas.
 */
export const contracts = {
  policies,
  quote,
} satisfies Record<string, { input: z.ZodTypeAny; output: z.ZodTypeAny }>;

export type FunctionName = keyof typeof contracts;
/** What a page passes in: the schema's input side (before defaults and trims apply). */
export type InputOf<N extends FunctionName> = z.input<(typeof contracts)[N]['input']>;
/** What a page gets back once the reply has been validated. */
export type OutputOf<N extends FunctionName> = z.output<(typeof contracts)[N]['output']>;
