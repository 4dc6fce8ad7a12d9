/**
 * The one-time consent code (家人授权码) a relative aged 14+ types in their own WeChat to confirm a
 * binding. Only a keyed hash of it is stored, salted with the binding id so equal codes of two bindings
 * never look alike; the share card carries the binding id and the code together.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Pii } from '../pii';
import type { FamilyBinding } from '../storage/records';

/** From this age a relative consents personally (the pinned reading of the consent rule). */
export const CONSENT_AGE = 14;
export const CONSENT_TTL_MS = 24 * 60 * 60 * 1000;
/** Wrong codes a pending binding tolerates before it is voided. */
export const MAX_CONSENT_ATTEMPTS = 5;

export function newConsentCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function consentCodeHash(pii: Pii, bindingId: string, code: string): string {
  return pii.consentCodeHash(`${bindingId}:${code}`);
}

export function shareTokenOf(bindingId: string, code: string): string {
  return `${bindingId}.${code}`;
}

export function readShareToken(token: string): { bindingId: string; code: string } | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  return { bindingId: token.slice(0, dot), code: token.slice(dot + 1) };
}

export function codeMatches(pii: Pii, binding: FamilyBinding, code: string): boolean {
  if (binding.consentCodeHash === null) return false;
  const expected = Buffer.from(binding.consentCodeHash, 'utf8');
  const given = Buffer.from(consentCodeHash(pii, binding.id, code), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function consentExpired(binding: FamilyBinding, now: Date): boolean {
  return binding.consentExpiresAt === null || Date.parse(binding.consentExpiresAt) <= now.getTime();
}

/** Confirmed bindings, and only those, let the owner see the relative's status. */
export function hasConsent(binding: FamilyBinding | null | undefined): boolean {
  return binding?.status === 'confirmed';
}
