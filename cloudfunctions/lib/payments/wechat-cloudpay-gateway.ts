import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { wxRequestPaymentParams } from '../../../shared/contracts/pay-params';
import type { CloudPayClient } from './cloudpay-client';
import { PaymentError } from './errors';
import type {
  CreatePaymentInput,
  CreatedPayment,
  IncomingNotification,
  NotificationVerdict,
  PaymentClock,
  PaymentEvent,
  PaymentGateway,
  PaymentStatus,
  RefundInput,
  RefundReceipt,
} from './gateway-port';
import { checkAmountFen, checkCreatePayment, checkOrderNo, checkRefundReason, refundNoFor } from './payment-input';

export interface WechatCloudPayOptions {
  /** `cloud.cloudPay` from wx-server-sdk (or `cloud.cloudPay({ appid })` for a shared environment). */
  cloudPay: CloudPayClient;
  /** Cloud environment id where the callback functions run. */
  envId: string;
  /** 子商户号: the merchant number bound to the environment in the cloud console. */
  subMchId: string;
  /** Cloud function that receives payment results (unifiedOrder's functionName). */
  paymentCallbackFunction: string;
  /** Cloud function that receives refund results (refund's functionName). */
  refundCallbackFunction: string;
  clock: PaymentClock;
  spbillCreateIp?: string;
}

/** A fen amount; the v2 JSON bridge usually gives numbers, but tolerate numeric strings. */
const fen = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

/** Fields every v2 answer carries: returnCode is the transport verdict, resultCode the business one. */
const v2Answer = z.object({
  returnCode: z.string(),
  returnMsg: z.string().optional(),
  resultCode: z.string().optional(),
  // The SDK's own errCode (0) shares this name with v2's business err_code ("ORDERPAID" …).
  errCode: z.union([z.string(), z.number()]).optional(),
  errCodeDes: z.string().optional(),
});

const unifiedOrderAnswer = v2Answer.extend({
  prepayId: z.string().optional(),
  payment: wxRequestPaymentParams.extend({ timeStamp: z.union([z.string(), z.number()]).transform(String) }).optional(),
});

const queryOrderAnswer = v2Answer.extend({
  tradeState: z.string().optional(),
  totalFee: fen.optional(),
  transactionId: z.string().optional(),
  timeEnd: z.string().optional(),
});

/** The event the platform passes to the payment callback function (v2 支付结果通知 fields, camelCase). */
const paymentCallbackEvent = z.object({
  returnCode: z.string(),
  resultCode: z.string().optional(),
  subMchId: z.string().optional(),
  outTradeNo: z.string().min(1),
  totalFee: fen,
  transactionId: z.string().optional(),
  timeEnd: z.string().optional(),
});

type V2Answer = z.infer<typeof v2Answer>;

/**
 * Production adapter over CloudBase cloud pay. Trust in a payment callback comes from the platform
 * invoking the callback function (no signature reaches us), but a cloud function can also be called by
 * any mini-program user, so every notification is confirmed with queryOrder before it is believed.
 */
export class WechatCloudPayGateway implements PaymentGateway {
  constructor(private readonly options: WechatCloudPayOptions) {}

  async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    checkCreatePayment(input, this.options.clock.now());
    const answer = await this.call('unifiedOrder', unifiedOrderAnswer, () =>
      this.options.cloudPay.unifiedOrder({
        body: truncateUtf8(input.description, 128),
        outTradeNo: input.orderNo,
        totalFee: input.amountFen,
        spbillCreateIp: this.options.spbillCreateIp ?? '127.0.0.1',
        subMchId: this.options.subMchId,
        envId: this.options.envId,
        functionName: this.options.paymentCallbackFunction,
        nonceStr: nonce(),
        tradeType: 'JSAPI',
        timeExpire: toBeijingTimestamp(input.expiresAt),
        subOpenid: input.payerOpenid,
      }),
    );
    const failure = businessFailure(answer, 'unifiedOrder');
    if (failure !== null) {
      // Same out_trade_no with identical parameters returns the same prepay; these are the refusals.
      if (failure === 'ORDERPAID') throw new PaymentError('ORDER_ALREADY_PAID', '该订单已支付，请勿重复支付');
      if (failure === 'ORDERCLOSED') throw new PaymentError('ORDER_CLOSED', '该订单已关闭，请重新下单');
      if (failure === 'OUT_TRADE_NO_USED') {
        throw new PaymentError('ORDER_NO_CONFLICT', '该订单号已用于金额或付款人不同的另一笔支付，请勿重复使用订单号');
      }
      throw rejected('unifiedOrder', answer);
    }
    if (!answer.payment) throw rejected('unifiedOrder', answer);
    return {
      prepayId: answer.prepayId ?? answer.payment.package.slice('prepay_id='.length),
      payParams: { kind: 'wechat', payment: answer.payment },
    };
  }

  async queryPayment(orderNo: string): Promise<PaymentStatus> {
    checkOrderNo(orderNo);
    const answer = await this.call('queryOrder', queryOrderAnswer, () =>
      this.options.cloudPay.queryOrder({
        sub_mch_id: this.options.subMchId,
        out_trade_no: orderNo,
        nonce_str: nonce(),
      }),
    );
    const failure = businessFailure(answer, 'queryOrder');
    if (failure === 'ORDERNOTEXIST') return { state: 'not_found' };
    if (failure !== null || answer.totalFee === undefined) throw rejected('queryOrder', answer);
    const amountFen = answer.totalFee;
    switch (answer.tradeState) {
      case 'SUCCESS':
      case 'REFUND': {
        const paidAt = answer.timeEnd === undefined ? null : fromBeijingTimestamp(answer.timeEnd);
        if (answer.transactionId === undefined || paidAt === null) throw rejected('queryOrder', answer);
        return {
          state: answer.tradeState === 'SUCCESS' ? 'paid' : 'refunded',
          amountFen,
          transactionId: answer.transactionId,
          paidAt,
        };
      }
      case 'NOTPAY':
      case 'USERPAYING':
        return { state: 'pending', amountFen };
      case 'CLOSED':
      case 'REVOKED':
        return { state: 'closed', amountFen };
      case 'PAYERROR':
        return { state: 'failed', amountFen };
      default:
        throw rejected('queryOrder', answer);
    }
  }

  async closePayment(orderNo: string): Promise<void> {
    checkOrderNo(orderNo);
    const answer = await this.call('closeOrder', v2Answer, () =>
      this.options.cloudPay.closeOrder({
        sub_mch_id: this.options.subMchId,
        out_trade_no: orderNo,
        nonce_str: nonce(),
      }),
    );
    const failure = businessFailure(answer, 'closeOrder');
    if (failure === null || failure === 'ORDERCLOSED') return;
    if (failure === 'ORDERPAID') throw new PaymentError('ORDER_ALREADY_PAID', '该订单已支付，无法关闭');
    if (failure === 'ORDERNOTEXIST') throw new PaymentError('ORDER_NOT_FOUND', '未找到该支付订单');
    throw rejected('closeOrder', answer);
  }

  async verifyNotification(notification: IncomingNotification): Promise<NotificationVerdict> {
    const parsed = paymentCallbackEvent.safeParse(notification.body);
    if (!parsed.success) return { ok: false, reason: 'malformed_body', message: '支付回调内容缺少必要字段' };
    const body = parsed.data;
    if (body.returnCode !== 'SUCCESS') {
      return { ok: false, reason: 'communication_failure', message: '支付回调报告通信失败，未包含交易结果' };
    }
    if (body.subMchId !== undefined && body.subMchId !== this.options.subMchId) {
      return { ok: false, reason: 'merchant_mismatch', message: '支付回调的商户号与本系统不符，已拒绝' };
    }
    const event = eventFrom(body, this.options.clock.now());
    if (event === null) return { ok: false, reason: 'malformed_body', message: '支付回调缺少交易号或支付完成时间' };

    let status: PaymentStatus;
    try {
      status = await this.queryPayment(body.outTradeNo);
    } catch (error) {
      if (!(error instanceof PaymentError)) throw error;
      return { ok: false, reason: 'confirmation_unavailable', message: '暂时无法向微信支付核实该回调，请稍后重试' };
    }
    if (!gatewayConfirms(status, event))
      return { ok: false, reason: 'not_confirmed', message: '支付回调与微信支付的订单记录不符，已拒绝' };
    return { ok: true, event };
  }

  async refund(input: RefundInput): Promise<RefundReceipt> {
    checkOrderNo(input.orderNo);
    checkAmountFen(input.amountFen);
    checkRefundReason(input.reason);
    const status = await this.queryPayment(input.orderNo);
    if (status.state !== 'paid' && status.state !== 'refunded') {
      throw new PaymentError('ORDER_NOT_SETTLED', '该订单未支付成功，无需退款');
    }
    if (status.transactionId !== input.transactionId || status.amountFen !== input.amountFen) {
      throw new PaymentError('REFUND_MISMATCH', '退款信息与原支付不符（交易号或金额不一致），未退款');
    }
    const refundNo = refundNoFor(input.orderNo);
    const answer = await this.call('refund', v2Answer, () =>
      this.options.cloudPay.refund({
        sub_mch_id: this.options.subMchId,
        nonce_str: nonce(),
        out_trade_no: input.orderNo,
        out_refund_no: refundNo,
        total_fee: input.amountFen,
        refund_fee: input.amountFen,
        refund_desc: truncateUtf8(input.reason, 80),
        envId: this.options.envId,
        functionName: this.options.refundCallbackFunction,
      }),
    );
    const failure = businessFailure(answer, 'refund');
    if (failure !== null) throw rejected('refund', answer);
    return { refundNo, state: 'processing' };
  }

  /** Calls the SDK; a thrown error or an unreadable answer means the gateway could not be reached. */
  private async call<T extends z.ZodTypeAny>(
    what: string,
    schema: T,
    request: () => Promise<unknown>,
  ): Promise<z.infer<T>> {
    let raw: unknown;
    try {
      raw = await request();
    } catch (error) {
      throw unavailable(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw unavailable(`${what}: unreadable answer`);
    return parsed.data;
  }
}

/**
 * What the payment callback function returns to the platform. errcode 0 ends the re-sends; anything
 * else makes cloud pay call again (for up to two days), which is what a temporary failure wants.
 */
export function cloudPayCallbackReply(outcome: 'handled' | 'retry', errmsg = ''): { errcode: number; errmsg: string } {
  return { errcode: outcome === 'handled' ? 0 : 1, errmsg };
}

/** null on success; the v2 business error code (or '') on a business failure; throws on a transport failure. */
function businessFailure(answer: V2Answer, what: string): string | null {
  if (answer.returnCode !== 'SUCCESS') throw unavailable(`${what}: ${answer.returnMsg ?? answer.returnCode}`);
  if (answer.resultCode === 'SUCCESS') return null;
  if (answer.errCode === 'SYSTEMERROR' || answer.errCode === 'BIZERR_NEED_RETRY') {
    throw unavailable(`${what}: ${answer.errCode} ${answer.errCodeDes ?? ''}`);
  }
  return typeof answer.errCode === 'string' ? answer.errCode : '';
}

function unavailable(detail: string): PaymentError {
  return new PaymentError('GATEWAY_UNAVAILABLE', '微信支付暂时不可用，请稍后再试', detail);
}

function rejected(what: string, answer: V2Answer): PaymentError {
  const detail = `${what}: ${answer.resultCode ?? ''} ${String(answer.errCode ?? '')} ${answer.errCodeDes ?? answer.returnMsg ?? ''}`;
  return new PaymentError('GATEWAY_REJECTED', '微信支付未受理此操作，请稍后再试或联系客服', detail.trim());
}

function eventFrom(body: z.infer<typeof paymentCallbackEvent>, now: Date): PaymentEvent | null {
  if (body.resultCode !== 'SUCCESS') {
    return { state: 'failed', orderNo: body.outTradeNo, amountFen: body.totalFee, failedAt: now };
  }
  const paidAt = body.timeEnd === undefined ? null : fromBeijingTimestamp(body.timeEnd);
  if (body.transactionId === undefined || paidAt === null) return null;
  return {
    state: 'paid',
    orderNo: body.outTradeNo,
    transactionId: body.transactionId,
    amountFen: body.totalFee,
    paidAt,
  };
}

/**
 * A paid event must match WeChat Pay's record of the order; a failure only where WeChat Pay holds the
 * order as ended unpaid — a forged failure for an order still payable there would free its people for
 * a second order while the first could still be paid.
 */
function gatewayConfirms(status: PaymentStatus, event: PaymentEvent): boolean {
  if (status.state === 'paid' || status.state === 'refunded') {
    return (
      event.state === 'paid' && status.transactionId === event.transactionId && status.amountFen === event.amountFen
    );
  }
  return event.state === 'failed' && (status.state === 'failed' || status.state === 'closed');
}

function nonce(): string {
  return randomBytes(16).toString('hex');
}

/** Cuts at a character boundary so the UTF-8 form fits WeChat's byte limit. */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const char of text) {
    bytes += Buffer.byteLength(char, 'utf8');
    if (bytes > maxBytes) break;
    out += char;
  }
  return out;
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** WeChat Pay v2 times are yyyyMMddHHmmss in Beijing time (UTC+8, no daylight saving). */
export function toBeijingTimestamp(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

export function fromBeijingTimestamp(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const instant = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - BEIJING_OFFSET_MS);
  return toBeijingTimestamp(instant) === text ? instant : null;
}
