/**
 * What a cloud function runs with. `Deps` are built once per process (a CloudBase container, the
 * local cloud, a test) and injected; `FunctionContext` is what one call sees.
 */
import type { Clock } from './clock';
import type { EmployeeAccountPort, PaymentGateway } from './payments';
import type { Logger, Pii } from './pii';
import type { Storage } from './storage/port';

export type Payments = {
  gateway: PaymentGateway;
  /** 家庭共济: paying from an employee's 个人账户. */
  employeeAccount: EmployeeAccountPort;
};

export type Deps = {
  storage: Storage;
  pii: Pii;
  clock: Clock;
  log: Logger;
  /** Absent where no function of the process takes payments. */
  payments?: Payments;
  /**
   * The caller's OPENID, read from the platform's own context object (never from the event), or null
   * when the platform vouches for nobody.
   */
  identify(platformContext: unknown): string | null;
};

export type FunctionContext = {
  /** Who calls, as the platform says; null when nobody signed in. */
  openid: string | null;
  clock: Clock;
  storage: Storage;
  pii: Pii;
  payments: Payments | undefined;
  /** Tagged with the function name; never give it an ID number (it masks them anyway). */
  log: Logger;
};

/** The context of a function that requires a signed-in caller. */
export type SignedInContext = FunctionContext & { openid: string };

/** An OPENID as WeChat issues them (28 characters today); anything else is not one. */
const OPENID = /^[A-Za-z0-9_-]{1,64}$/;

export function asOpenid(value: unknown): string | null {
  return typeof value === 'string' && OPENID.test(value) ? value : null;
}

/**
 * The context object the local cloud passes as `main`'s second argument, standing in for CloudBase's.
 * Only the local cloud builds it (from the X-Openid header of the dev login); production deps never
 * read it.
 */
export type LocalPlatformContext = { localCloud: true; openid: string | null };

export function localPlatformContext(openid: string | null): LocalPlatformContext {
  return { localCloud: true, openid: asOpenid(openid) };
}

/** `Deps.identify` of the local cloud and the tests. */
export function identifyLocalCaller(platformContext: unknown): string | null {
  if (typeof platformContext !== 'object' || platformContext === null) return null;
  const context = platformContext as Partial<LocalPlatformContext>;
  return context.localCloud === true ? asOpenid(context.openid) : null;
}
