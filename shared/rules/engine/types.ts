import type { Fen } from '../money';
import type { Explanation } from '../source';
import type { Group } from '../policy-schema';

/** What the engine knows of a person: facts only; the ID number is resolved to a birth date before. */
export type PersonFacts = {
  birthDate?: string;
  categories?: readonly string[];
  student?: 'new' | 'enrolled';
  studentLevel?: 'university' | 'school';
  employeeInsuranceEndedOn?: string;
  employeeInsuranceYears?: number;
  migrantWorker?: boolean;
};

export type QuoteRequest = {
  payDate: string;
  person: PersonFacts;
  /** 'family' = 家庭共济: paid from a relative's employee-insurance personal account. */
  channel?: 'self' | 'family';
};

export type WaitingPeriod = { unit: 'day' | 'month'; length: number; lastDay: string };

/** The engine's answer, money in fen. `toQuoteOutput` turns it into the pinned contract (yuan). */
export type QuoteDecision = {
  policyId: string;
  coverageYear: number;
  payable: boolean;
  reason?: string;
  windowId?: string;
  standard: Fen;
  subsidy: Fen;
  due: Fen;
  categoryId?: string;
  coverageStart: string | null;
  coverageEnd: string;
  waitingPeriod: WaitingPeriod | null;
  explanation: Explanation[];
  warnings: string[];
};

/** A working note: the groups a person is in, and why. */
export type Profile = {
  groups: Set<Group>;
  birthDate?: string;
};
