/**
 * Which policy applies to a resident on a day — one decision every function shares:
 * the policy whose `regionCode` is a prefix of the resident's locality code and whose season (from
 * its first window to the end of its coverage year) contains today. Where two seasons overlap (next
 * year's collection opens while this year's cover runs) the later coverage year wins, then the more
 * specific region. The season starts at the first window of any kind, because a registration-only
 * window (Jinjiang's 集中登记期) is part of the year's enrollment even though it takes no payment.
 */
import { policies as catalogue, type Policy } from '../../../shared/rules';

export type PolicyLookup = { ok: true; policy: Policy } | { ok: false; code: 'NO_POLICY'; message: string };

/** The first day anything of this policy's year can be done. */
export function seasonStart(policy: Policy): string {
  return policy.windows.reduce((first, w) => (w.start < first ? w.start : first), policy.coverage.start);
}

/** Policies whose region covers the locality, latest coverage year first, then the most specific region. */
export function policiesForLocality(localityCode: string, all: readonly Policy[] = catalogue): Policy[] {
  return all
    .filter((p) => localityCode.startsWith(p.regionCode))
    .sort((a, b) => b.coverageYear - a.coverageYear || b.regionCode.length - a.regionCode.length);
}

/** The locality's policy for one coverage year, or null when we do not have it. */
export function policyForYear(
  localityCode: string,
  coverageYear: number,
  all: readonly Policy[] = catalogue,
): Policy | null {
  return policiesForLocality(localityCode, all).find((p) => p.coverageYear === coverageYear) ?? null;
}

function noPolicyMessage(localityCode: string, today: string, known: readonly Policy[]): string {
  if (known.length === 0) {
    return `暂未收录您所在地区（行政区划代码${localityCode}）的城乡居民医保政策，暂时不能在线办理，请咨询当地医保经办机构。`;
  }
  const place = known[0]?.jurisdiction ?? localityCode;
  const years = known
    .slice()
    .sort((a, b) => a.coverageYear - b.coverageYear)
    .map((p) => `${p.coverageYear}年度（${seasonStart(p)}至${p.coverage.end}）`)
    .join('、');
  return `${today}不在我们已收录的${place}城乡居民医保办理期内。已收录：${years}。新年度政策公布后即可办理，请关注当地医保经办机构通知。`;
}

/** The policy that applies in `localityCode` on `today`, or a plain reason naming the years we have. */
export function policyFor(localityCode: string, today: string, all: readonly Policy[] = catalogue): PolicyLookup {
  const known = policiesForLocality(localityCode, all);
  const current = known.find((p) => seasonStart(p) <= today && today <= p.coverage.end);
  if (current) return { ok: true, policy: current };
  return { ok: false, code: 'NO_POLICY', message: noPolicyMessage(localityCode, today, known) };
}
