import type { PayParams } from '../../../shared/contracts/pay-params';

/** Time comes from outside: tests fix it, the local cloud sets it from TODAY, production reads the real clock. */
export interface PaymentClock {
  now(): Date;
}

export interface CreatePaymentInput {
  /** Our order number; the gateway's idempotency key (WeChat's out_trade_no: 6–32 of [0-9A-Za-z_-|*@]). */
  orderNo: string;
  amountFen: number;
  /** Shown on the pay sheet and the payer's bill. */
  description: string;
  /** The payer's OPENID from the platform context, never from the request body. */
  payerOpenid: string;
  /** After this instant the payer can no longer pay. */
  expiresAt: Date;
}

export interface CreatedPayment {
  prepayId: string;
  payParams: PayParams;
}

/**
 * What the gateway knows about an order. `closed` = closed by us before payment; `expired` = its
 * expiresAt passed unpaid; `refunded` = paid, then reversed by `refund`.
 */
export type PaymentStatus =
  | { state: 'not_found' }
  | { state: 'pending' | 'failed' | 'expired' | 'closed'; amountFen: number }
  | { state: 'paid' | 'refunded'; amountFen: number; transactionId: string; paidAt: Date };

export type PaymentState = PaymentStatus['state'];

/** A payment notification as it reached us: HTTP headers + raw body (sandbox), or the platform's event object as body (cloud pay). */
export interface IncomingNotification {
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  body: unknown;
}

/**
 * The payment outcome a verified notification reports. `amountFen` is the amount the gateway says was
 * charged, reported as-is: the caller must compare it with its own order and refuse a mismatch.
 */
export type PaymentEvent =
  | { state: 'paid'; orderNo: string; transactionId: string; amountFen: number; paidAt: Date }
  | { state: 'failed'; orderNo: string; amountFen: number; failedAt: Date };

export type NotificationRejection =
  | 'missing_signature'
  | 'bad_signature'
  | 'stale_timestamp'
  | 'malformed_body'
  | 'communication_failure'
  | 'merchant_mismatch'
  | 'not_confirmed'
  | 'confirmation_unavailable';

export type NotificationVerdict =
  { ok: true; event: PaymentEvent } | { ok: false; reason: NotificationRejection; message: string };

export interface RefundInput {
  orderNo: string;
  transactionId: string;
  /** The whole amount paid: a refund reverses the payment, it is never used to undo a duplicate. */
  amountFen: number;
  reason: string;
}

export interface RefundReceipt {
  /** Derived from the order number, so a retried refund is the same refund. */
  refundNo: string;
  /** `processing`: accepted by WeChat Pay, money on its way back (its refund callback confirms). */
  state: 'processing' | 'succeeded';
}

/**
 * The payment gateway port. Duplicate payments are prevented before they happen: the caller keeps one
 * order number per payable item and the gateway never charges one order number twice.
 */
export interface PaymentGateway {
  /** Idempotent: the same orderNo with the same amount and payer returns the same prepay; anything else is refused. */
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  /** For late or missing notifications. */
  queryPayment(orderNo: string): Promise<PaymentStatus>;
  /** Stops an unpaid order from being paid; idempotent. Refused once the order is paid. */
  closePayment(orderNo: string): Promise<void>;
  /** Authenticates a notification and reads its event; never throws for a bad notification. */
  verifyNotification(notification: IncomingNotification): Promise<NotificationVerdict>;
  /** Genuine reversal of a paid order, in full. */
  refund(input: RefundInput): Promise<RefundReceipt>;
}
