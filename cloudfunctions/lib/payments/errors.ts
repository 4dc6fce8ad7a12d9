/**
 * Why a payment or account operation was refused. `message` is plain Chinese for the payer; `detail`
 * is for operators' logs (e.g. the gateway's own error text) and never holds personal data.
 */
export type PaymentErrorCode =
  | 'INVALID_PAYMENT_REQUEST'
  | 'ORDER_NO_CONFLICT'
  | 'ORDER_NOT_FOUND'
  | 'ORDER_ALREADY_PAID'
  | 'ORDER_CLOSED'
  | 'PAYMENT_EXPIRED'
  | 'ORDER_NOT_SETTLED'
  | 'REFUND_MISMATCH'
  | 'GATEWAY_UNAVAILABLE'
  | 'GATEWAY_REJECTED'
  | 'ACCOUNT_NOT_FOUND'
  | 'INSUFFICIENT_BALANCE'
  | 'DEBIT_CONFLICT'
  | 'DEBIT_NOT_FOUND'
  /** 家庭共济 from a 职工医保个人账户 is not connected in this deployment (see employee-account-not-connected.ts). */
  | 'EMPLOYEE_ACCOUNT_NOT_OPEN';

export class PaymentError extends Error {
  override readonly name = 'PaymentError';

  constructor(
    readonly code: PaymentErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}
