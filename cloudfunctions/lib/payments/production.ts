/**
 * The payment ports of a function deployed on CloudBase: WeChat cloud pay (wx-server-sdk's
 * `cloud.cloudPay`) and the employee account, which is not connected (employee-account-not-connected.ts).
 * Configured from the function's environment variables and built on first use, so a function that
 * never takes payments needs none of them. Imports nothing SQLite-backed: bundles may include it.
 */
import type { Payments } from '../context';
import type { Logger } from '../pii';
import type { CloudPayClient } from './cloudpay-client';
import { EmployeeAccountNotConnected } from './employee-account-not-connected';
import { PaymentError } from './errors';
import type { PaymentClock, PaymentGateway, RefundInput, RefundReceipt } from './gateway-port';
import { WechatCloudPayGateway } from './wechat-cloudpay-gateway';

export type CloudPayConfig = {
  /** The CloudBase environment the callback functions run in. */
  envId: string;
  /** 子商户号 bound to the environment in the WeChat cloud console. */
  subMchId: string;
  paymentCallbackFunction: string;
  /** null: refunds are refused (no function in this project receives refund results yet). */
  refundCallbackFunction: string | null;
};

export type CloudPayConfigReading =
  | { ok: true; config: CloudPayConfig }
  /** Names of the variables that are missing or malformed, never their values. */
  | { ok: false; missing: string[]; malformed: string[] };

export const DEFAULT_PAYMENT_CALLBACK_FUNCTION = 'payNotify';

/** WeChat Pay merchant numbers are digits (10 today). */
const MERCHANT_NO = /^\d{8,16}$/;
/** CloudBase function names; also catches a deploy-time placeholder left unfilled. */
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

/**
 * The environment id comes from the runtime itself: CloudBase sets TCB_ENV (SCF_NAMESPACE on older
 * runtimes), the same variables wx-server-sdk reads for `cloud.DYNAMIC_CURRENT_ENV`.
 */
export function cloudPayConfigFromEnv(env: NodeJS.ProcessEnv): CloudPayConfigReading {
  const read = (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
  const envId = read('TCB_ENV') ?? read('SCF_NAMESPACE');
  const subMchId = read('WX_SUB_MCH_ID');
  const paymentCallbackFunction = read('WX_PAY_CALLBACK_FUNCTION') ?? DEFAULT_PAYMENT_CALLBACK_FUNCTION;
  const refundCallbackFunction = read('WX_REFUND_CALLBACK_FUNCTION');
  const missing = [...(envId === null ? ['TCB_ENV'] : []), ...(subMchId === null ? ['WX_SUB_MCH_ID'] : [])];
  const malformed = [
    ...(subMchId !== null && !MERCHANT_NO.test(subMchId) ? ['WX_SUB_MCH_ID'] : []),
    ...(!FUNCTION_NAME.test(paymentCallbackFunction) ? ['WX_PAY_CALLBACK_FUNCTION'] : []),
    ...(refundCallbackFunction !== null && !FUNCTION_NAME.test(refundCallbackFunction)
      ? ['WX_REFUND_CALLBACK_FUNCTION']
      : []),
  ];
  if (envId === null || subMchId === null || malformed.length > 0) return { ok: false, missing, malformed };
  return { ok: true, config: { envId, subMchId, paymentCallbackFunction, refundCallbackFunction } };
}

export type ProductionPaymentsOptions = {
  cloudPay: CloudPayClient;
  config: CloudPayConfig;
  clock: PaymentClock;
  log: Logger;
};

export function productionPayments({ cloudPay, config, clock, log }: ProductionPaymentsOptions): Payments {
  const gateway = new WechatCloudPayGateway({
    cloudPay,
    envId: config.envId,
    subMchId: config.subMchId,
    paymentCallbackFunction: config.paymentCallbackFunction,
    // Never used when null: refundsRefused below answers instead.
    refundCallbackFunction: config.refundCallbackFunction ?? '',
    clock,
  });
  return {
    gateway: config.refundCallbackFunction === null ? refundsRefused(gateway, log) : gateway,
    employeeAccount: new EmployeeAccountNotConnected(),
  };
}

/** The gateway as it is, except that a refund, which would have nowhere to report its outcome, is refused. */
function refundsRefused(gateway: PaymentGateway, log: Logger): PaymentGateway {
  return {
    createPayment: (input) => gateway.createPayment(input),
    queryPayment: (orderNo) => gateway.queryPayment(orderNo),
    closePayment: (orderNo) => gateway.closePayment(orderNo),
    verifyNotification: (notification) => gateway.verifyNotification(notification),
    refund: async (input: RefundInput): Promise<RefundReceipt> => {
      log.error('refund_unconfigured', { orderNo: input.orderNo, missing: ['WX_REFUND_CALLBACK_FUNCTION'] });
      throw new PaymentError('GATEWAY_UNAVAILABLE', '退款服务暂未开通，请联系客服处理');
    },
  };
}

export type LazyPaymentsOptions = {
  env: NodeJS.ProcessEnv;
  clock: PaymentClock;
  log: Logger;
  /** Initialises the SDK and hands out `cloud.cloudPay`; called once, when the configuration is complete. */
  cloudPay: () => CloudPayClient;
};

/**
 * `Deps.payments` of production, read when a function asks for it: the ports once configured, else
 * undefined (the function then answers PAYMENTS_UNAVAILABLE) and a log line naming what is missing.
 */
export function lazyProductionPayments({ env, clock, log, cloudPay }: LazyPaymentsOptions): () => Payments | undefined {
  let built: Payments | undefined;
  return () => {
    if (built) return built;
    const reading = cloudPayConfigFromEnv(env);
    if (!reading.ok) {
      log.error('payments_unconfigured', { missing: reading.missing, malformed: reading.malformed });
      return undefined;
    }
    built = productionPayments({ cloudPay: cloudPay(), config: reading.config, clock, log });
    return built;
  };
}
