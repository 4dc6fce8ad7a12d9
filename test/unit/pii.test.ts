import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decrypt, encrypt, keyedHash, PiiDecryptError } from '../../cloudfunctions/lib/pii/crypto';
import {
  createLogger,
  createPii,
  KEY_FILE_NAME,
  keysFromEnv,
  loadLocalKeys,
  redact,
  type PiiKeys,
} from '../../cloudfunctions/lib/pii';

const idNumber = '350521197803129915';
const keys = (fill: number): PiiKeys => ({ encryption: Buffer.alloc(32, fill), lookup: Buffer.alloc(32, fill + 1) });

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pii-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('ID number encryption', () => {
  const pii = createPii(keys(1));

  it('opens what it sealed, and never seals the same number the same way twice', () => {
    const a = pii.sealIdNumber(idNumber);
    const b = pii.sealIdNumber(idNumber);
    expect(pii.openIdNumber(a)).toBe(idNumber);
    expect(pii.openIdNumber(b)).toBe(idNumber);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\./);
    expect(a).not.toContain(idNumber);
  });

  it('normalizes before sealing: a lower-case x and spaces come back as the canonical number', () => {
    const withX = '11010519491231002x';
    expect(pii.openIdNumber(pii.sealIdNumber(` ${withX} `))).toBe('11010519491231002X');
  });

  it('detects any change to the IV, the ciphertext or the tag', () => {
    const sealed = pii.sealIdNumber(idNumber);
    const parts = sealed.split('.');
    for (const index of [1, 2, 3]) {
      const bytes = Buffer.from(parts[index] ?? '', 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 0x01;
      const tampered = parts.map((part, i) => (i === index ? bytes.toString('base64url') : part)).join('.');
      expect(() => pii.openIdNumber(tampered), `part ${index}`).toThrow(PiiDecryptError);
    }
  });

  it('refuses a value sealed under another key, an unknown version and a malformed value', () => {
    const sealed = pii.sealIdNumber(idNumber);
    expect(() => createPii(keys(7)).openIdNumber(sealed)).toThrow(PiiDecryptError);
    expect(() => pii.openIdNumber(sealed.replace(/^v1/, 'v9'))).toThrow(PiiDecryptError);
    expect(() => pii.openIdNumber('not-a-sealed-value')).toThrow(PiiDecryptError);
  });

  it('refuses a value sealed for another purpose', () => {
    const key = Buffer.alloc(32, 3);
    const sealed = encrypt(key, 'id-number', idNumber);
    expect(decrypt(key, 'id-number', sealed)).toBe(idNumber);
    expect(() => decrypt(key, 'other-purpose' as 'id-number', sealed)).toThrow(PiiDecryptError);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => encrypt(Buffer.alloc(16), 'id-number', idNumber)).toThrow(RangeError);
  });
});

describe('lookup keys', () => {
  it('are stable for one key and normalized input, and differ under another key', () => {
    const pii = createPii(keys(1));
    expect(pii.idLookupKey(idNumber)).toBe(pii.idLookupKey(` ${idNumber} `));
    expect(pii.idLookupKey('11010519491231002x')).toBe(pii.idLookupKey('11010519491231002X'));
    expect(pii.idLookupKey(idNumber)).toMatch(/^[0-9a-f]{64}$/);
    expect(createPii(keys(5)).idLookupKey(idNumber)).not.toBe(pii.idLookupKey(idNumber));
  });

  it('keep ID numbers and consent codes apart even for the same text', () => {
    const pii = createPii(keys(1));
    expect(pii.consentCodeHash('123456')).not.toBe(pii.idLookupKey('123456'));
    expect(keyedHash(Buffer.alloc(32, 2), 'a', 'b:c')).not.toBe(keyedHash(Buffer.alloc(32, 2), 'a:b', 'c'));
  });

  it('mask ID numbers for display', () => {
    expect(createPii(keys(1)).mask(idNumber)).toBe('350***********9915');
  });
});

describe('PII keys', () => {
  const b64 = (fill: number) => Buffer.alloc(32, fill).toString('base64');

  it('come from PII_ENC_KEY and PII_HMAC_KEY when both are set', () => {
    const loaded = keysFromEnv({ PII_ENC_KEY: b64(1), PII_HMAC_KEY: b64(2) });
    expect(loaded.encryption).toEqual(Buffer.alloc(32, 1));
    expect(loaded.lookup).toEqual(Buffer.alloc(32, 2));
  });

  it('are required in production, complete, and 32 bytes long', () => {
    expect(() => keysFromEnv({})).toThrow('缺少 PII_ENC_KEY');
    expect(() => keysFromEnv({ PII_ENC_KEY: b64(1) })).toThrow('须同时设置');
    expect(() => keysFromEnv({ PII_ENC_KEY: Buffer.alloc(16).toString('base64'), PII_HMAC_KEY: b64(2) })).toThrow(
      '32 字节',
    );
  });

  it('are created locally on first start in a file only its owner can read, and reused afterwards', () => {
    const dir = tempDir();
    const first = loadLocalKeys(dir, {});
    const file = join(dir, KEY_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadLocalKeys(dir, {});
    expect(second).toEqual(first);
    expect(first.encryption).not.toEqual(first.lookup);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('PII_ENC_KEY');
  });

  it('tighten a key file someone made readable to others', () => {
    const dir = tempDir();
    loadLocalKeys(dir, {});
    const file = join(dir, KEY_FILE_NAME);
    chmodSync(file, 0o644);
    loadLocalKeys(dir, {});
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('prefer the environment over the local key file', () => {
    const dir = tempDir();
    const fromEnv = loadLocalKeys(dir, { PII_ENC_KEY: b64(4), PII_HMAC_KEY: b64(5) });
    expect(fromEnv.encryption).toEqual(Buffer.alloc(32, 4));
    expect(() => statSync(join(dir, KEY_FILE_NAME))).toThrow();
  });

  it('refuse a damaged key file instead of making new keys that would orphan stored data', () => {
    const dir = tempDir();
    writeFileSync(join(dir, KEY_FILE_NAME), '{"PII_ENC_KEY": "short"}', { mode: 0o600 });
    expect(() => loadLocalKeys(dir, {})).toThrow();
  });
});

describe('logging', () => {
  function capture() {
    const lines: string[] = [];
    return { lines, log: createLogger({ fn: 'test' }, (_level, line) => lines.push(line)) };
  }

  it('masks ID numbers in messages, fields, nested values and error stacks', () => {
    const { lines, log } = capture();
    const error = new Error(`duplicate resident ${idNumber}`);
    log.error(`lookup ${idNumber}`, { note: `for ${idNumber}`, nested: { list: [idNumber] }, error });
    const line = lines[0] ?? '';
    expect(line).not.toContain(idNumber);
    expect(line).toContain('350***********');
    expect(JSON.parse(line)).toMatchObject({ level: 'error', fn: 'test' });
  });

  it('drops fields named like ID numbers or consent codes whole', () => {
    const { lines, log } = capture();
    log.info('binding', { idNumber: 'whatever', consentCode: '123456', ok: true });
    expect(JSON.parse(lines[0] ?? '{}')).toEqual({
      level: 'info',
      event: 'binding',
      fn: 'test',
      idNumber: '[已隐去]',
      consentCode: '[已隐去]',
      ok: true,
    });
  });

  it('masks ID numbers typed with full-width digits and leaves other text alone', () => {
    const fullWidth = '３５０５２１１９７８０３１２９９１５';
    expect(redact(`号码${fullWidth}，订单 ORD2024111500000001`)).toBe(
      '号码350***********9915，订单 ORD2024111500000001',
    );
    expect(redact('订单号 123456789012345678901')).toBe('订单号 123456789012345678901');
  });

  it('adds child fields to every line', () => {
    const { lines, log } = capture();
    log.child({ requestId: 'r-1' }).warn('slow');
    expect(JSON.parse(lines[0] ?? '{}')).toEqual({ level: 'warn', event: 'slow', fn: 'test', requestId: 'r-1' });
  });
});
