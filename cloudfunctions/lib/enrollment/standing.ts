/**
 * Where a person stands for a coverage year, and the one way enrollments are written. Shared by
 * `register`, `newborn` and `me` so they never disagree about who is enrolled.
 */
import type { PolicyRef } from '../../../shared/contracts/register';
import type { Policy, QuoteDecision } from '../../../shared/rules';
import { isStorageConflict } from '../storage/errors';
import { cite } from './display';
import type { Storage, TxEnrollments, TxStorage } from '../storage/port';
import type { Enrollment } from '../storage/records';

/**
 * 'paid' — enrolled and paid for the year; 'renewed' — paid last year and the policy renews by default
 * (默认续保), so no new registration is needed, only the payment; 'registered' — registered, not paid;
 * 'none' — nothing yet.
 */
export type Standing = 'none' | 'registered' | 'renewed' | 'paid';

export type YearPair = { thisYear: Enrollment | null; lastYear: Enrollment | null };

export async function enrollmentsAround(
  enrollments: TxEnrollments,
  residentId: string,
  coverageYear: number,
): Promise<YearPair> {
  return {
    thisYear: await enrollments.get(residentId, coverageYear),
    lastYear: await enrollments.get(residentId, coverageYear - 1),
  };
}

/** Last year counts only when it was paid: a registration never paid insured nobody. */
export function standingOf(policy: Policy, years: YearPair): Standing {
  if (years.thisYear?.status === 'paid') return 'paid';
  if (policy.autoRenewal && years.lastYear?.status === 'paid') return 'renewed';
  return years.thisYear ? 'registered' : 'none';
}

export function policyRefOf(policy: Policy): PolicyRef {
  return {
    id: policy.id,
    name: policy.name,
    jurisdiction: policy.jurisdiction,
    coverageYear: policy.coverageYear,
    coverageStart: policy.coverage.start,
    coverageEnd: policy.coverage.end,
  };
}

/**
 * Whether registering today still leads somewhere: the person can pay today, or a registration-only
 * window is open (Jinjiang's 集中登记期), or a payment window open to everyone is still to come.
 */
export function canStillEnroll(policy: Policy, today: string, quote: QuoteDecision): boolean {
  if (quote.payable) return true;
  return policy.windows.some(
    (w) =>
      (!w.acceptsPayment && w.start <= today && today <= w.end) || (w.acceptsPayment && !w.openTo && today < w.start),
  );
}

/** The engine's reason a payment cannot be made today, with the clause that closed it. */
export function whyNotPayable(quote: QuoteDecision, fallback: string): string {
  const closing = quote.explanation[quote.explanation.length - 1]?.source;
  return `${quote.reason ?? fallback}${closing ? cite(closing) : ''}`;
}

export type NewEnrollment = { residentId: string; policy: Policy };

type Registrar = { openid: string; today: string; at: string };

/** Inside a transaction: registers each person who has no enrollment for the year yet; the ids it registered. */
export async function insertMissingEnrollments(
  tx: TxStorage,
  people: readonly NewEnrollment[],
  by: Registrar,
): Promise<Set<string>> {
  const created = new Set<string>();
  for (const { residentId, policy } of people) {
    if (await tx.enrollments.get(residentId, policy.coverageYear)) continue;
    await tx.enrollments.insert({
      residentId,
      policyId: policy.id,
      coverageYear: policy.coverageYear,
      status: 'registered',
      registeredOn: by.today,
      registeredBy: by.openid,
      paidOn: null,
      coverageStart: null,
      coverageEnd: policy.coverage.end,
      orderNo: null,
      updatedAt: by.at,
    });
    created.add(residentId);
  }
  return created;
}

/**
 * Runs `work` in one transaction, once more if a unique index refused a write: the (resident, coverage
 * year) index settles a race between identical requests, and the second run finds the winner's rows.
 */
export async function transactionSettlingRaces<T>(storage: Storage, work: (tx: TxStorage) => Promise<T>): Promise<T> {
  try {
    return await storage.transaction(work);
  } catch (error) {
    if (!isStorageConflict(error)) throw error;
    return storage.transaction(work);
  }
}
