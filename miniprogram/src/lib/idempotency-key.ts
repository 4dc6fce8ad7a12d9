/**
 * The client's key for "this same payment": made once when the payer confirms and sent again on every
 * retry of that confirmation, so a double tap or a resend after a lost reply returns the same order
 * instead of charging twice. It only has to be unique, not secret (the OPENID scopes it on the server),
 * and WeChat's runtime has no `crypto.getRandomValues`, so time plus `Math.random` is enough.
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newIdempotencyKey(now: number = Date.now(), random: () => number = Math.random): string {
  let suffix = '';
  for (let i = 0; i < 16; i += 1) suffix += ALPHABET[Math.floor(random() * ALPHABET.length) % ALPHABET.length];
  return `pay-${now.toString(36)}-${suffix}`;
}
