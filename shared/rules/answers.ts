import { failure, success, type Envelope } from '../contracts/envelope';
import type { PoliciesOutput, PolicySummary } from '../contracts/policies';
import type { Quote, QuoteInput } from '../contracts/quote';
import { parseIdNumber } from '../id';
import { toYuan } from './money';
import { getPolicy, policies } from './policies';
import type { Policy } from './policy-schema';
import { quotePerson } from './engine/quote';
import { subsidyFor } from './engine/amount';
import type { PersonFacts, QuoteDecision } from './engine/types';

/** The pinned `quote` contract shape (yuan) from an engine decision (fen). */
export function toQuoteOutput(decision: QuoteDecision): Quote {
  return {
    policyId: decision.policyId,
    coverageYear: decision.coverageYear,
    payable: decision.payable,
    ...(decision.reason ? { reason: decision.reason } : {}),
    standardAmount: toYuan(decision.standard),
    subsidyAmount: toYuan(decision.subsidy),
    amountDue: toYuan(decision.due),
    coverageStart: decision.coverageStart,
    coverageEnd: decision.coverageEnd,
    waitingPeriod: decision.waitingPeriod,
    explanation: decision.explanation,
    warnings: decision.warnings,
  };
}

export function summarizePolicy(policy: Policy): PolicySummary {
  const personal = policy.contribution.personal.value;
  return {
    id: policy.id,
    name: policy.name,
    jurisdiction: policy.jurisdiction,
    regionCode: policy.regionCode,
    coverageYear: policy.coverageYear,
    coverageStart: policy.coverage.start,
    coverageEnd: policy.coverage.end,
    personalContribution: toYuan(personal),
    fiscalSubsidy: toYuan(policy.contribution.fiscal.value),
    documents: policy.documents,
    categories: policy.categories.map((c) => {
      const subsidy = subsidyFor(c.share, personal);
      return {
        id: c.id,
        label: c.label,
        share: c.share,
        personalAmount: subsidy === null ? null : toYuan(personal - subsidy),
        ...(c.funder ? { funder: c.funder } : {}),
        ...(c.condition ? { condition: c.condition } : {}),
        source: c.source,
        ...(c.note ? { note: c.note } : {}),
      };
    }),
    ...(policy.subsidiesDeferredTo ? { subsidiesDeferredTo: policy.subsidiesDeferredTo.document } : {}),
    windows: policy.windows.map((w) => ({
      ...w,
      familyPayment: policy.familyPayment?.windowIds.includes(w.id) ?? false,
    })),
    notes: policy.notes,
  };
}

export function answerPolicies(): Envelope<PoliciesOutput> {
  return success({ policies: policies.map(summarizePolicy) });
}

/**
 * Resolves a quote request into engine facts: known policy, a valid ID number (its birth date wins and must
 * agree with any birth date given), categories this policy lists. Every refusal is a Chinese message.
 */
export function resolvePerson(
  policy: Policy,
  person: QuoteInput['person'],
  today: string,
): { ok: true; facts: PersonFacts } | { ok: false; code: string; message: string } {
  const { idNumber, ...facts } = person;
  if (idNumber !== undefined && idNumber !== '') {
    const parsed = parseIdNumber(idNumber, today);
    if (!parsed.ok) return { ok: false, code: parsed.code, message: parsed.message };
    if (facts.birthDate && facts.birthDate !== parsed.value.birthDate) {
      return {
        ok: false,
        code: 'BIRTH_DATE_MISMATCH',
        message: `填写的出生日期（${facts.birthDate}）与身份证号码中的出生日期不一致，请核对。`,
      };
    }
    facts.birthDate = parsed.value.birthDate;
  }
  for (const id of facts.categories ?? []) {
    if (!policy.categories.some((c) => c.id === id)) {
      return {
        ok: false,
        code: 'UNKNOWN_CATEGORY',
        message: `“${id}”不是${policy.name}文件列出的资助类别，请从列表中选择。`,
      };
    }
  }
  return { ok: true, facts };
}

export function decideQuote(input: QuoteInput, today: string): Envelope<QuoteDecision> {
  const policy = getPolicy(input.policyId);
  if (!policy) {
    return failure('UNKNOWN_POLICY', `没有找到参保地区和年度“${input.policyId}”，请重新选择。`);
  }
  const person = resolvePerson(policy, input.person, today);
  if (!person.ok) return failure(person.code, person.message);
  return success(
    quotePerson(policy, {
      payDate: input.payDate,
      person: person.facts,
      ...(input.channel ? { channel: input.channel } : {}),
    }),
  );
}

/** The whole `quote` use case: `today` only checks that an ID number's birth date is not in the future. */
export function answerQuote(input: QuoteInput, today: string): Envelope<Quote> {
  const decision = decideQuote(input, today);
  return decision.ok ? success(toQuoteOutput(decision.data)) : decision;
}
