import type { Policy, PolicyWindow } from '../policy-schema';
import type { Explanation } from '../source';
import { amountFor, type AmountAnswer } from './amount';
import { benefitFor } from './benefit';
import { profilePerson } from './profile';
import type { QuoteDecision, QuoteRequest, WaitingPeriod } from './types';
import { closedReason, openWindows } from './windows';

function familyChannelRefusal(policy: Policy, window: PolicyWindow): Explanation | null {
  const family = policy.familyPayment;
  if (!family) {
    return {
      text: '本年度政策文件未规定家庭共济代缴（职工医保个人账户代缴），可改用微信支付为家人缴费。',
      source: { document: policy.documents[0]?.number ?? policy.name, clause: '缴费渠道' },
    };
  }
  if (family.windowIds.includes(window.id)) return null;
  const labels = policy.windows
    .filter((w) => family.windowIds.includes(w.id))
    .map((w) => `${w.label}（${w.start}至${w.end}）`)
    .join('、');
  return { text: `家庭共济代缴仅限${labels}办理。`, source: family.source };
}

type Parts = {
  payable: boolean;
  reason?: string;
  windowId?: string;
  amount?: AmountAnswer;
  coverageStart: string | null;
  coverageEnd?: string;
  waitingPeriod: WaitingPeriod | null;
  explanation: Explanation[];
  warnings: string[];
};

/** One object shape for every answer: the engine runs over whole rolls, and uniform shapes keep it fast. */
function decision(policy: Policy, parts: Parts): QuoteDecision {
  return {
    policyId: policy.id,
    coverageYear: policy.coverageYear,
    payable: parts.payable,
    reason: parts.reason,
    windowId: parts.windowId,
    standard: parts.amount?.standard ?? 0,
    subsidy: parts.amount?.subsidy ?? 0,
    due: parts.amount?.due ?? 0,
    categoryId: parts.amount?.categoryId,
    coverageStart: parts.coverageStart,
    coverageEnd: parts.coverageEnd ?? policy.coverage.end,
    waitingPeriod: parts.waitingPeriod,
    explanation: parts.explanation,
    warnings: parts.warnings,
  };
}

/**
 * Quotes one person under one policy for a payment on `request.payDate`: whether they may pay, what they pay,
 * and when cover starts and ends, with the clauses that decided each. Pure: the pay date is an argument.
 */
export function quotePerson(policy: Policy, request: QuoteRequest): QuoteDecision {
  const { payDate, person } = request;
  const explanation: Explanation[] = [];
  const warnings: string[] = [];

  if (person.birthDate && person.birthDate > payDate) {
    return decision(policy, {
      payable: false,
      reason: `缴费日期（${payDate}）早于出生日期（${person.birthDate}），请在出生后办理参保。`,
      coverageStart: null,
      waitingPeriod: null,
      explanation,
      warnings,
    });
  }

  const { profile, categories } = profilePerson(policy, person, payDate, explanation, warnings);
  const amount = amountFor(policy, profile, categories, payDate);
  const windows = openWindows(policy, payDate, profile.groups);

  if (windows.length === 0) {
    const closed = closedReason(policy, payDate, profile.groups);
    const source = closed.window?.source ?? policy.newborn?.source ?? policy.coverage.source;
    explanation.push({ text: closed.text, source });
    return decision(policy, {
      payable: false,
      reason: closed.text,
      amount,
      coverageStart: null,
      waitingPeriod: null,
      explanation,
      warnings: warnings.concat(amount.warnings),
    });
  }

  let window = windows[0] as PolicyWindow;
  let benefit = benefitFor(policy, window, person, profile, payDate);
  for (const other of windows.slice(1)) {
    // Where a person may pay in more than one window (Lingbi's special windows), the earliest cover wins.
    const answer = benefitFor(policy, other, person, profile, payDate);
    if (answer.start < benefit.start) {
      window = other;
      benefit = answer;
    }
  }
  const allWarnings = warnings.concat(benefit.warnings, amount.warnings);
  const allExplanation = explanation.concat(benefit.explanation, amount.explanation);

  if (request.channel === 'family') {
    const family = policy.familyPayment;
    const refusal = familyChannelRefusal(policy, window);
    if (refusal || !family) {
      if (refusal) allExplanation.push(refusal);
      return decision(policy, {
        payable: false,
        reason: refusal?.text ?? '本年度不能办理家庭共济代缴。',
        windowId: window.id,
        amount,
        coverageStart: null,
        coverageEnd: benefit.end,
        waitingPeriod: null,
        explanation: allExplanation,
        warnings: allWarnings,
      });
    }
    allExplanation.push({ text: '可通过家庭共济（职工医保个人账户）代缴。', source: family.source });
  }

  let coverageStart: string | null = benefit.start;
  if (benefit.start > benefit.end) {
    coverageStart = null;
    allWarnings.unshift(
      `按${payDate}缴费，待遇要到${benefit.start}才开始，已晚于本年度保障期结束日（${benefit.end}），本次缴费不能享受${policy.coverageYear}年度待遇。`,
    );
  }

  return decision(policy, {
    payable: true,
    windowId: window.id,
    amount,
    coverageStart,
    coverageEnd: benefit.end,
    waitingPeriod: benefit.waitingPeriod,
    explanation: allExplanation,
    warnings: allWarnings,
  });
}
