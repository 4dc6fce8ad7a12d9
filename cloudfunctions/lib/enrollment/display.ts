/** How people and clauses appear in answers: names half-hidden where consent is missing, clauses cited inline. */
import type { Source } from '../../../shared/rules';

/**
 * '张*' / '张*华' / '欧**锋': the first and (from three characters on) the last character stay, so a family
 * recognises its own members; the rest is hidden because the caller has no consent to see it (household
 * members in a registration preview).
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** '（依据：泉政办明传〔2022〕42号 四（二））', for refusals whose envelope has no room for a source. */
export function cite(source: Source): string {
  return `（依据：${source.document} ${source.clause}）`;
}
