import { describe, expect, it } from 'vitest';
import { policies, summarizePolicy } from '../../../shared/rules';
import { defaultPolicyId, policySpan } from '../../../miniprogram/src/lib/calculator';

const catalogue = policies.map((p) => summarizePolicy(p));

describe('the policy the what-if calculator starts on', () => {
  it('is the one the resident is enrolled in when known', () => {
    expect(defaultPolicyId(catalogue, '2025-04-15', 'fj-youxi-2024')).toBe('fj-youxi-2024');
  });

  it('is the one taking payments around today otherwise', () => {
    expect(defaultPolicyId(catalogue, '2025-04-15', null)).toBe('fj-quanzhou-taishang-2025');
  });

  it('ignores a preferred policy the catalogue does not have', () => {
    expect(defaultPolicyId(catalogue, '2025-04-15', 'fj-nowhere-2030')).toBe('fj-quanzhou-taishang-2025');
  });

  it('falls back to the newest year when nothing is open today', () => {
    expect(defaultPolicyId(catalogue, '2030-01-01', null)).toBe('fj-quanzhou-taishang-2025');
  });

  it('is empty when there is no policy at all', () => {
    expect(defaultPolicyId([], '2025-04-15', null)).toBe('');
  });
});

describe('the span of dates a policy can be paid for', () => {
  it('runs from the first window’s opening to the end of cover', () => {
    const taishang = catalogue.find((p) => p.id === 'fj-quanzhou-taishang-2025');
    if (!taishang) throw new Error('seed policy missing');
    expect(policySpan(taishang)).toEqual({ start: '2024-09-01', end: '2025-12-31' });
  });
});
