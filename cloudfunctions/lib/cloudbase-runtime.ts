/**
 * Dependencies of a function deployed on CloudBase: its document database, PII keys from the
 * function's environment variables, the real date in Asia/Shanghai, and the caller's OPENID as the
 * platform attaches it to the invocation context (the node-sdk's equivalent of
 * wx-server-sdk's `cloud.getWXContext().OPENID`).
 */
import * as sdkModule from '@cloudbase/node-sdk';
import type { IContextParam } from '@cloudbase/node-sdk';
import { shanghaiClock } from './clock';
import { asOpenid, type Deps } from './context';
import { createLogger, createPii, keysFromEnv } from './pii';
import { createCloudbaseStorage } from './storage/cloudbase';
import type { CloudbaseDb } from './storage/cloudbase/sdk';

type Sdk = typeof sdkModule;

/**
 * The SDK is a CommonJS module that assigns one object to module.exports: bundlers expose its names
 * directly, Node's ESM loader (tests, the local cloud) only as `default`.
 */
function sdk(): Sdk {
  const namespace = sdkModule as Sdk & { default?: Sdk };
  return typeof namespace.init === 'function' ? namespace : (namespace.default ?? namespace);
}

/** The OPENID CloudBase attached to this invocation, or null (e.g. a timer trigger, a console test run). */
export function openidFromCloudbaseContext(platformContext: unknown): string | null {
  if (typeof platformContext !== 'object' || platformContext === null) return null;
  try {
    return asOpenid(sdk().getCloudbaseContext(platformContext as IContextParam).WX_OPENID);
  } catch {
    // A context the SDK cannot parse vouches for nobody.
    return null;
  }
}

export function cloudbaseDeps(env: NodeJS.ProcessEnv = process.env): Deps {
  const app = sdk().init({ env: sdk().SYMBOL_CURRENT_ENV });
  const db: CloudbaseDb = app.database();
  return {
    storage: createCloudbaseStorage(db),
    pii: createPii(keysFromEnv(env)),
    clock: shanghaiClock(),
    log: createLogger(),
    identify: openidFromCloudbaseContext,
  };
}
