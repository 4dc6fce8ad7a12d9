import { expect } from 'vitest';
import { answerQuote } from '../../../shared/rules';
import type { Quote, QuoteInput } from '../../../shared/contracts/quote';
import { output as quoteOutput } from '../../../shared/contracts/quote';

/** "Today" for ID-number checks only; the policies are past years and pay dates are explicit. */
export const TODAY = '2026-11-22';

export type Person = QuoteInput['person'];

/** Quotes through the public use case and checks the answer against the pinned contract. */
export function quote(policyId: string, payDate: string, person: Person = {}, channel?: 'self' | 'family'): Quote {
  const answer = answerQuote({ policyId, payDate, person, ...(channel ? { channel } : {}) }, TODAY);
  if (!answer.ok) throw new Error(`quote refused: ${answer.error.message}`);
  quoteOutput.parse(answer.data);
  return answer.data;
}

export type Expected = Partial<
  Pick<Quote, 'payable' | 'amountDue' | 'standardAmount' | 'subsidyAmount' | 'coverageStart' | 'coverageEnd'>
> & {
  waitingLastDay?: string | null;
  clause?: string;
  reasonIncludes?: string;
  warningIncludes?: string;
};

export type GoldenCase = {
  name: string;
  payDate: string;
  person?: Person;
  channel?: 'self' | 'family';
  expect: Expected;
};

export function check(policyId: string, c: GoldenCase): void {
  const q = quote(policyId, c.payDate, c.person ?? {}, c.channel);
  const e = c.expect;
  if (e.payable !== undefined) expect(q.payable, 'payable').toBe(e.payable);
  if (e.amountDue !== undefined) expect(q.amountDue, 'amountDue').toBe(e.amountDue);
  if (e.standardAmount !== undefined) expect(q.standardAmount, 'standardAmount').toBe(e.standardAmount);
  if (e.subsidyAmount !== undefined) expect(q.subsidyAmount, 'subsidyAmount').toBe(e.subsidyAmount);
  if (e.coverageStart !== undefined) expect(q.coverageStart, 'coverageStart').toBe(e.coverageStart);
  if (e.coverageEnd !== undefined) expect(q.coverageEnd, 'coverageEnd').toBe(e.coverageEnd);
  if (e.waitingLastDay !== undefined)
    expect(q.waitingPeriod?.lastDay ?? null, 'waiting lastDay').toBe(e.waitingLastDay);
  if (e.clause !== undefined)
    expect(
      q.explanation.map((x) => x.source.clause),
      'clauses',
    ).toContain(e.clause);
  if (e.reasonIncludes !== undefined) expect(q.reason ?? '', 'reason').toContain(e.reasonIncludes);
  if (e.warningIncludes !== undefined) expect(q.warnings.join('\n'), 'warnings').toContain(e.warningIncludes);
  expect(q.explanation.length, 'every answer cites at least one clause').toBeGreaterThan(0);
}
