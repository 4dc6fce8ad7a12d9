import { PaymentError } from './errors';
import type { CreatePaymentInput } from './gateway-port';

/** WeChat Pay's rule for out_trade_no (the stricter v3 length), so an order number works on both adapters. */
const ORDER_NO = /^[0-9A-Za-z_\-|*@]{6,32}$/;

function invalid(message: string): PaymentError {
  return new PaymentError('INVALID_PAYMENT_REQUEST', message);
}

export function checkOrderNo(orderNo: string): void {
  if (!ORDER_NO.test(orderNo)) throw invalid('订单号应为 6–32 位字母、数字或 _-|*@');
}

export function checkAmountFen(amountFen: number): void {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw invalid('支付金额应为大于 0 的整数分');
}

/** Refuses what no gateway would accept, before it reaches one. */
export function checkCreatePayment(input: CreatePaymentInput, now: Date): void {
  checkOrderNo(input.orderNo);
  checkAmountFen(input.amountFen);
  if (input.description.trim() === '') throw invalid('请填写支付说明');
  if (input.payerOpenid.trim() === '') throw invalid('缺少付款人身份，请重新登录后再试');
  if (Number.isNaN(input.expiresAt.getTime())) throw invalid('支付截止时间无效');
  if (input.expiresAt.getTime() <= now.getTime()) throw invalid('支付截止时间已过，请重新下单');
}

/** One full refund per order, numbered from the order so a retried refund is recognised as the same one. */
export function refundNoFor(orderNo: string): string {
  return `R${orderNo}`;
}

export function checkRefundReason(reason: string): void {
  if (reason.trim() === '') throw invalid('请填写退款原因');
}
