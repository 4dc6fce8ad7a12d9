/**
 * Personal-information handling for the use cases: seal and open ID numbers, derive their lookup key,
 * mask them for display. Functions receive a `Pii` through their context and never see the keys.
 */
import { maskIdNumber } from '../../../shared/id';
import { decrypt, encrypt, keyedHash } from './crypto';
import type { PiiKeys } from './keys';

export type Pii = {
  /** Sealed ID number for storage (`v1.…`, different every time). */
  sealIdNumber(idNumber: string): string;
  /** The ID number back; throws PiiDecryptError when the value was tampered with or the key is wrong. */
  openIdNumber(sealed: string): string;
  /** Stable keyed hash to find a resident by ID number (same number → same key, under one key). */
  idLookupKey(idNumber: string): string;
  /** Keyed hash of a one-time consent code (家庭绑定授权码), so the code itself is never stored. */
  consentCodeHash(code: string): string;
  /** '350***********1234' */
  mask(idNumber: string): string;
};

/** The canonical spelling of an ID number, so '350…123x' and '350…123X' find the same person. */
export function normalizeIdNumber(idNumber: string): string {
  return idNumber.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function createPii(keys: PiiKeys): Pii {
  return {
    sealIdNumber: (idNumber) => encrypt(keys.encryption, 'id-number', normalizeIdNumber(idNumber)),
    openIdNumber: (sealed) => decrypt(keys.encryption, 'id-number', sealed),
    idLookupKey: (idNumber) => keyedHash(keys.lookup, 'id-number', normalizeIdNumber(idNumber)),
    consentCodeHash: (code) => keyedHash(keys.lookup, 'consent-code', code.trim()),
    mask: maskIdNumber,
  };
}

export { PiiDecryptError } from './crypto';
export { keysFromEnv, loadLocalKeys, KEY_FILE_NAME, type PiiKeys } from './keys';
export { createLogger, redact, type Logger, type LogFields, type LogSink } from './log';
