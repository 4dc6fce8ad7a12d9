/** The rules module: policies as data and the pure engine over them. No clock, no I/O. */
export { policies, getPolicy } from './policies';
export { policySchema } from './policy-schema';
export type { Policy, PolicyWindow, Category, Group, Share } from './policy-schema';
export { quotePerson } from './engine/quote';
export type { PersonFacts, QuoteDecision, QuoteRequest, WaitingPeriod } from './engine/types';
export { answerPolicies, answerQuote, decideQuote, resolvePerson, summarizePolicy, toQuoteOutput } from './answers';
export * as civilDate from './civil-date';
export { toYuan, yuan, formatYuan, type Fen } from './money';
export type { Source, Explanation } from './source';
