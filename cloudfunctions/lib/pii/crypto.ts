/**
 * ID numbers at rest (PIPL Art. 28/51): AES-256-GCM with a fresh random 12-byte IV per value, so equal
 * numbers never look equal on disk; the GCM tag makes any bit flipped in storage fail loudly instead
 * of decrypting to a different person. Lookups go through a keyed HMAC-SHA256, never a plain hash:
 * an 18-digit ID number has so little entropy that an unkeyed hash is reversible by enumeration.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** Format version: bump it (and keep decrypting the old one) when the algorithm or the key changes. */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/** Binds each ciphertext to its purpose, so a value encrypted for one field cannot be replayed into another. */
export type CipherPurpose = 'id-number';

export class PiiDecryptError extends Error {
  override readonly name = 'PiiDecryptError';
}

function assertKey(key: Buffer, what: string): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`${what} 应为 ${KEY_BYTES} 字节`);
}

/** `v1.<iv>.<ciphertext>.<tag>`, each part base64url. */
export function encrypt(key: Buffer, purpose: CipherPurpose, plaintext: string): string {
  assertKey(key, '加密密钥');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`${VERSION}:${purpose}`, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join('.');
}

/** Throws PiiDecryptError for an unknown version, a malformed value, a wrong key or any tampering. */
export function decrypt(key: Buffer, purpose: CipherPurpose, sealed: string): string {
  assertKey(key, '加密密钥');
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new PiiDecryptError('不支持的密文格式');
  const [, ivText = '', bodyText = '', tagText = ''] = parts;
  const iv = Buffer.from(ivText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new PiiDecryptError('密文已损坏');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(`${VERSION}:${purpose}`, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new PiiDecryptError('密文校验失败：数据被篡改或密钥不符');
  }
}

/**
 * Hex HMAC-SHA256 of `value`, domain-separated by `purpose` so the same key can serve several lookups
 * (ID numbers, consent codes) without one table's keys matching another's.
 */
export function keyedHash(key: Buffer, purpose: string, value: string): string {
  assertKey(key, '查找密钥');
  // Length-prefixed, so no (purpose, value) pair can be spelled as another.
  return createHmac('sha256', key)
    .update(`${Buffer.byteLength(purpose, 'utf8')}:${purpose}:${value}`, 'utf8')
    .digest('hex');
}
