import { describe, expect, it } from 'vitest';
import { answerPolicies, policies } from '../../../shared/rules';
import { output as policiesOutput } from '../../../shared/contracts/policies';
import type { Policy, PolicyWindow } from '../../../shared/rules';

/** Every object in the data that holds a `value` must also hold a `source`. */
function valuesWithoutSource(node: unknown, path: string, out: string[]): string[] {
  if (Array.isArray(node)) node.forEach((item, i) => valuesWithoutSource(item, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if ('value' in record && !('source' in record)) out.push(path);
    for (const [key, child] of Object.entries(record)) valuesWithoutSource(child, `${path}.${key}`, out);
  }
  return out;
}

function audiencesMeet(a: PolicyWindow, b: PolicyWindow): boolean {
  if (!a.openTo || !b.openTo) return true;
  return a.openTo.some((group) => b.openTo?.includes(group));
}

const cases = policies.map((policy) => [policy.id, policy] as [string, Policy]);

describe('policy data', () => {
  it('holds the five seed policies with the pinned ids', () => {
    expect(policies.map((p) => p.id).sort()).toEqual([
      'ah-lingbi-zhuji-2023',
      'fj-jinjiang-lingyuan-2022',
      'fj-quanzhou-2023',
      'fj-quanzhou-taishang-2025',
      'fj-youxi-2024',
    ]);
  });

  it.each(cases)('%s: every sourced value names its document and clause', (_id, policy) => {
    expect(valuesWithoutSource(policy, policy.id, [])).toEqual([]);
    const sources = [
      policy.coverage.source,
      ...policy.windows.map((w) => w.source),
      ...policy.categories.map((c) => c.source),
      ...policy.waitingExemptions.map((e) => e.source),
      ...policy.students.map((s) => s.source),
      ...policy.eligibility.map((e) => e.source),
      ...policy.notes.map((n) => n.source),
      ...(policy.fullCost ? [policy.fullCost.source, ...policy.fullCost.exempt.map((e) => e.source)] : []),
      ...(policy.newborn ? [policy.newborn.source] : []),
      ...(policy.employeeTransfer ? [policy.employeeTransfer.source] : []),
      ...(policy.familyPayment ? [policy.familyPayment.source] : []),
    ];
    const documents = new Set(policy.documents.map((d) => d.number));
    for (const source of sources) {
      expect(documents.has(source.document), `${source.document} is one of the policy's documents`).toBe(true);
      expect(source.clause.length).toBeGreaterThan(0);
    }
  });

  it.each(cases)('%s: payment windows open to the same residents do not overlap', (_id, policy) => {
    const payment = policy.windows.filter((w) => w.acceptsPayment);
    for (const [i, a] of payment.entries()) {
      expect(a.start <= a.end, `${a.id} starts before it ends`).toBe(true);
      for (const b of payment.slice(i + 1)) {
        if (!audiencesMeet(a, b)) continue;
        const overlap = a.start <= b.end && b.start <= a.end;
        expect(overlap, `${a.id} and ${b.id} overlap`).toBe(false);
      }
    }
  });

  it.each(cases)('%s: windows end by the end of the coverage year', (_id, policy) => {
    for (const w of policy.windows) expect(w.end <= policy.coverage.end).toBe(true);
  });

  it.each(cases)('%s: every category has a unique id, a Chinese label and a share', (_id, policy) => {
    const ids = policy.categories.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of policy.categories) {
      expect(c.label).toMatch(/[\u4e00-\u9fa5]/);
      expect(c.share.kind).toBeTruthy();
    }
  });

  it.each(cases)('%s: family-payment windows name real payment windows', (_id, policy) => {
    for (const id of policy.familyPayment?.windowIds ?? []) {
      expect(policy.windows.find((w) => w.id === id)?.acceptsPayment).toBe(true);
    }
  });

  it('lists every policy with its categories and windows through the policies contract', () => {
    const answer = answerPolicies();
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const parsed = policiesOutput.parse(answer.data);
    expect(parsed.policies).toHaveLength(5);
    const youxi = parsed.policies.find((p) => p.id === 'fj-youxi-2024');
    expect(youxi?.categories.find((c) => c.id === 'minimum-living')?.personalAmount).toBe(38);
    const quanzhou = parsed.policies.find((p) => p.id === 'fj-quanzhou-2023');
    expect(quanzhou?.subsidiesDeferredTo).toBe('泉政文〔2019〕86号');
    expect(quanzhou?.categories[0]?.personalAmount).toBeNull();
  });

  it('counts the seventeen fully subsidised kinds Jinjiang lists (couples and children counted once)', () => {
    const jinjiang = policies.find((p) => p.id === 'fj-jinjiang-lingyuan-2022');
    const full = jinjiang?.categories
      .filter((c) => c.share.kind === 'full')
      .map((c) => c.id.replace(/-(parent|child)$/, ''));
    expect(new Set(full).size).toBe(17);
  });
});
