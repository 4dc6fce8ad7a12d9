/**
 * Dependencies of a function deployed on CloudBase: its document database, PII keys from the
 * function's environment variables, the real date in Asia/Shanghai, the caller's OPENID as the
 * platform attaches it to the invocation context (the node-sdk's equivalent of
 * wx-server-sdk's `cloud.getWXContext().OPENID`), and the payment ports over wx-server-sdk's cloud pay.
 */
import * as sdkModule from '@cloudbase/node-sdk';
import type { IContextParam } from '@cloudbase/node-sdk';
import * as wxServerSdkModule from 'wx-server-sdk';
import { shanghaiClock } from './clock';
import { asOpenid, type Deps } from './context';
import type { CloudPayClient } from './payments/cloudpay-client';
import { lazyProductionPayments } from './payments/production';
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

/** The part of wx-server-sdk this runtime uses; its typings do not declare `cloudPay`. */
type WxCloud = {
  init(config: { env: symbol | string | undefined }): void;
  readonly DYNAMIC_CURRENT_ENV: symbol | undefined;
  readonly cloudPay: CloudPayClient;
};

/** `cloud.cloudPay` of the environment this function runs in (same CommonJS interop as `sdk()`). */
function wxCloudPay(): CloudPayClient {
  const namespace = wxServerSdkModule as unknown as WxCloud & { default?: WxCloud };
  const cloud = typeof namespace.init === 'function' ? namespace : (namespace.default ?? namespace);
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return cloud.cloudPay;
}

export function cloudbaseDeps(env: NodeJS.ProcessEnv = process.env): Deps {
  // Keys first: without them no function may run, and nothing else need be set up.
  const pii = createPii(keysFromEnv(env));
  const app = sdk().init({ env: sdk().SYMBOL_CURRENT_ENV });
  const db: CloudbaseDb = app.database();
  const clock = shanghaiClock();
  const log = createLogger();
  const payments = lazyProductionPayments({ env, clock, log, cloudPay: wxCloudPay });
  return {
    storage: createCloudbaseStorage(db),
    pii,
    clock,
    log,
    identify: openidFromCloudbaseContext,
    // Read only by functions that take payments (the handler passes it on lazily).
    get payments() {
      return payments();
    },
  };
}
