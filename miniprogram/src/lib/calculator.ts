import type { PolicySummary } from '../../../shared/contracts/policies';

type PolicySpan = Pick<PolicySummary, 'id' | 'coverageYear' | 'coverageEnd' | 'windows'>;

/** From the first payment window's opening to the end of cover: when paying for this policy means anything. */
export function policySpan(policy: PolicySpan): { start: string; end: string } {
  const start = policy.windows.reduce((earliest, w) => (w.start < earliest ? w.start : earliest), policy.coverageEnd);
  return { start, end: policy.coverageEnd };
}

/**
 * The policy the "if I pay on date X" calculator starts on: the one the resident is enrolled in when
 * known, else one that takes payments around today (the latest year if several), else the newest.
 */
export function defaultPolicyId(policies: readonly PolicySpan[], today: string, preferred: string | null): string {
  if (preferred && policies.some((p) => p.id === preferred)) return preferred;
  const newestFirst = [...policies].sort((a, b) => b.coverageYear - a.coverageYear);
  const current = newestFirst.find((p) => {
    const span = policySpan(p);
    return span.start <= today && today <= span.end;
  });
  return (current ?? newestFirst[0])?.id ?? '';
}
