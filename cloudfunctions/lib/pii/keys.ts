/**
 * Where the PII keys come from. Production: the function's environment (`PII_ENC_KEY`, `PII_HMAC_KEY`,
 * base64 of 32 random bytes each), and nothing else — a missing key stops the function rather than
 * storing ID numbers under a made-up one. Local mode: the same variables if set, otherwise
 * `DATA_DIR/keys.json`, generated on first start and readable by its owner only.
 */
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { KEY_BYTES } from './crypto';

export type PiiKeys = {
  /** AES-256-GCM key for ID numbers at rest. */
  encryption: Buffer;
  /** HMAC-SHA256 key for lookup keys. */
  lookup: Buffer;
};

export const KEY_FILE_NAME = 'keys.json';
const OWNER_ONLY = 0o600;

function decodeKey(name: string, text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES)
    throw new Error(`${name} 应为 ${KEY_BYTES} 字节密钥的 base64 编码（现为 ${key.length} 字节）`);
  return key;
}

/** Both keys from the environment, or null when neither is set; exactly one set is a mistake. */
function keysInEnv(env: NodeJS.ProcessEnv): PiiKeys | null {
  const enc = env.PII_ENC_KEY?.trim();
  const mac = env.PII_HMAC_KEY?.trim();
  if (!enc && !mac) return null;
  if (!enc || !mac) throw new Error('PII_ENC_KEY 与 PII_HMAC_KEY 须同时设置');
  return { encryption: decodeKey('PII_ENC_KEY', enc), lookup: decodeKey('PII_HMAC_KEY', mac) };
}

export function keysFromEnv(env: NodeJS.ProcessEnv): PiiKeys {
  const keys = keysInEnv(env);
  if (!keys) throw new Error('缺少 PII_ENC_KEY / PII_HMAC_KEY 环境变量，无法加密身份证号');
  return keys;
}

function readKeyFile(path: string): PiiKeys {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${path} 格式不正确`);
  const record = parsed as Record<string, unknown>;
  const enc = record.PII_ENC_KEY;
  const mac = record.PII_HMAC_KEY;
  if (typeof enc !== 'string' || typeof mac !== 'string') throw new Error(`${path} 缺少 PII_ENC_KEY 或 PII_HMAC_KEY`);
  return { encryption: decodeKey('PII_ENC_KEY', enc), lookup: decodeKey('PII_HMAC_KEY', mac) };
}

/** Writes fresh keys; 'wx' makes a concurrent second start read the winner's file instead of overwriting it. */
function createKeyFile(path: string): void {
  const content = {
    PII_ENC_KEY: randomBytes(KEY_BYTES).toString('base64'),
    PII_HMAC_KEY: randomBytes(KEY_BYTES).toString('base64'),
  };
  try {
    writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`, { mode: OWNER_ONLY, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Local mode: environment first, else `dataDir/keys.json` (created 0600 on first start). */
export function loadLocalKeys(dataDir: string, env: NodeJS.ProcessEnv): PiiKeys {
  const fromEnv = keysInEnv(env);
  if (fromEnv) return fromEnv;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, KEY_FILE_NAME);
  createKeyFile(path);
  // A copied or hand-edited file may have lost its mode; keys readable by others are not secret.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, OWNER_ONLY);
  return readKeyFile(path);
}
