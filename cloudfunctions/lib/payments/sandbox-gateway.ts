import { randomBytes } from 'node:crypto';
import { PaymentError } from './errors';
import type {
  CreatePaymentInput,
  CreatedPayment,
  IncomingNotification,
  NotificationVerdict,
  PaymentClock,
  PaymentEvent,
  PaymentGateway,
  PaymentState,
  PaymentStatus,
  RefundInput,
  RefundReceipt,
} from './gateway-port';
import { checkAmountFen, checkCreatePayment, checkOrderNo, checkRefundReason, refundNoFor } from './payment-input';
import { openSandboxDatabase, type SandboxDatabase } from './sandbox-database';
import { signSandboxNotification, verifySandboxNotification, type SignedNotification } from './sandbox-notification';

/** Expired is not stored: it follows from expires_at and the injected clock. */
type StoredState = 'pending' | 'paid' | 'failed' | 'closed' | 'refunded';

interface PaymentRow {
  order_no: string;
  prepay_id: string;
  token: string;
  amount_fen: number;
  description: string;
  payer_openid: string;
  expires_at: string;
  state: StoredState;
  transaction_id: string | null;
  settled_at: string | null;
}

const MIGRATIONS = [
  `CREATE TABLE sandbox_payments (
     order_no       TEXT PRIMARY KEY,
     prepay_id      TEXT NOT NULL UNIQUE,
     token          TEXT NOT NULL UNIQUE,
     amount_fen     INTEGER NOT NULL CHECK (amount_fen > 0),
     description    TEXT NOT NULL,
     payer_openid   TEXT NOT NULL,
     expires_at     TEXT NOT NULL,
     created_at     TEXT NOT NULL,
     state          TEXT NOT NULL CHECK (state IN ('pending', 'paid', 'failed', 'closed', 'refunded')),
     transaction_id TEXT UNIQUE,
     settled_at     TEXT,
     refund_no      TEXT UNIQUE,
     refund_reason  TEXT,
     refunded_at    TEXT,
     CHECK ((state IN ('paid', 'refunded')) = (transaction_id IS NOT NULL))
   ) STRICT`,
];

export type SandboxDelivery =
  { status: 'delivered' } | { status: 'no_receiver' } | { status: 'failed'; error: unknown };

export interface SandboxPayerResult {
  /** The signed notification the sandbox sent (or would send) to the payment callback. */
  notification: SignedNotification;
  /** A failed delivery does not undo the payment: like WeChat Pay, the notification can be sent again. */
  delivery: SandboxDelivery;
}

/** What the H5 sandbox pay sheet shows for its token. */
export interface SandboxPaySheet {
  orderNo: string;
  amountFen: number;
  description: string;
  state: PaymentState;
  expiresAt: Date;
}

export interface SandboxGatewayOptions {
  /** The sandbox's own SQLite file; its orders survive a restart. */
  databasePath: string;
  /** HMAC-SHA256 key shared with the payment callback. */
  secret: string;
  clock: PaymentClock;
  /** Receives each notification, as the payment callback endpoint would. */
  deliver?: (notification: SignedNotification) => void | Promise<void>;
  /** App path of the H5 sandbox pay sheet. */
  payPagePath?: string;
}

/**
 * The local stand-in for WeChat Pay: a real order life cycle (pending → paid | failed | expired | closed,
 * paid → refunded) kept in SQLite, a pay sheet the payer acts on, and HMAC-signed notifications.
 */
export class SandboxPaymentGateway implements PaymentGateway {
  private readonly db: SandboxDatabase;
  private readonly secret: string;
  private readonly clock: PaymentClock;
  private readonly deliver: SandboxGatewayOptions['deliver'];
  private readonly payPagePath: string;

  constructor(options: SandboxGatewayOptions) {
    if (options.secret.length < 32) throw new Error('sandbox gateway secret must have at least 32 characters');
    this.secret = options.secret;
    this.clock = options.clock;
    this.deliver = options.deliver;
    this.payPagePath = options.payPagePath ?? '/sandbox-pay';
    this.db = openSandboxDatabase(options.databasePath, 'sandbox-payment-gateway', MIGRATIONS);
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    const now = this.clock.now();
    checkCreatePayment(input, now);
    const row = this.db
      .transaction(() => {
        const existing = this.find(input.orderNo);
        if (existing) return this.reusable(existing, input, now);
        this.db
          .prepare(
            `INSERT INTO sandbox_payments
               (order_no, prepay_id, token, amount_fen, description, payer_openid, expires_at, created_at, state)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
          )
          .run(
            input.orderNo,
            `sbx_prepay_${randomBytes(12).toString('hex')}`,
            randomBytes(24).toString('base64url'),
            input.amountFen,
            input.description,
            input.payerOpenid,
            input.expiresAt.toISOString(),
            now.toISOString(),
          );
        return this.get(input.orderNo);
      })
      .immediate();
    return {
      prepayId: row.prepay_id,
      payParams: { kind: 'sandbox', token: row.token, path: `${this.payPagePath}?token=${row.token}` },
    };
  }

  async queryPayment(orderNo: string): Promise<PaymentStatus> {
    const row = this.find(orderNo);
    return row ? statusOf(row, this.clock.now()) : { state: 'not_found' };
  }

  async closePayment(orderNo: string): Promise<void> {
    const now = this.clock.now();
    this.db
      .transaction(() => {
        const row = this.get(orderNo);
        const state = stateOf(row, now);
        if (state === 'paid' || state === 'refunded') throw alreadyPaid();
        if (state === 'pending')
          this.db.prepare(`UPDATE sandbox_payments SET state = 'closed' WHERE order_no = ?`).run(orderNo);
      })
      .immediate();
  }

  async verifyNotification(notification: IncomingNotification): Promise<NotificationVerdict> {
    return verifySandboxNotification(notification, this.secret, this.clock.now());
  }

  async refund(input: RefundInput): Promise<RefundReceipt> {
    checkOrderNo(input.orderNo);
    checkAmountFen(input.amountFen);
    checkRefundReason(input.reason);
    const now = this.clock.now();
    const refundNo = refundNoFor(input.orderNo);
    this.db
      .transaction(() => {
        const row = this.get(input.orderNo);
        if (row.state !== 'paid' && row.state !== 'refunded') {
          throw new PaymentError('ORDER_NOT_SETTLED', '该订单未支付成功，无需退款');
        }
        if (row.transaction_id !== input.transactionId || row.amount_fen !== input.amountFen) {
          throw new PaymentError('REFUND_MISMATCH', '退款信息与原支付不符（交易号或金额不一致），未退款');
        }
        if (row.state === 'paid') {
          this.db
            .prepare(
              `UPDATE sandbox_payments SET state = 'refunded', refund_no = ?, refund_reason = ?, refunded_at = ?
               WHERE order_no = ?`,
            )
            .run(refundNo, input.reason, now.toISOString(), input.orderNo);
        }
      })
      .immediate();
    return { refundNo, state: 'succeeded' };
  }

  paySheet(token: string): SandboxPaySheet | null {
    const row = this.db.prepare<[string], PaymentRow>('SELECT * FROM sandbox_payments WHERE token = ?').get(token);
    if (!row) return null;
    return {
      orderNo: row.order_no,
      amountFen: row.amount_fen,
      description: row.description,
      state: stateOf(row, this.clock.now()),
      expiresAt: new Date(row.expires_at),
    };
  }

  /** The payer pays or fails on the H5 sheet; the sandbox settles the order once and notifies. */
  async payerActs(orderNo: string, outcome: 'pay' | 'fail'): Promise<SandboxPayerResult> {
    const now = this.clock.now();
    const settled = this.db
      .transaction(() => {
        const row = this.get(orderNo);
        const state = stateOf(row, now);
        if (state === 'paid' || state === 'refunded')
          throw new PaymentError('ORDER_ALREADY_PAID', '该订单已支付，不会重复扣款');
        if (state === 'expired') throw new PaymentError('PAYMENT_EXPIRED', '支付已超时，请返回重新下单');
        if (state !== 'pending') throw closed();
        if (outcome === 'pay') {
          this.db
            .prepare(
              `UPDATE sandbox_payments SET state = 'paid', transaction_id = ?, settled_at = ? WHERE order_no = ?`,
            )
            .run(`SBX${randomBytes(16).toString('hex').slice(0, 25)}`, now.toISOString(), orderNo);
        } else {
          this.db
            .prepare(`UPDATE sandbox_payments SET state = 'failed', settled_at = ? WHERE order_no = ?`)
            .run(now.toISOString(), orderNo);
        }
        return this.get(orderNo);
      })
      .immediate();
    return this.notify(eventOf(settled), now);
  }

  /** WeChat Pay re-sends until the callback acknowledges; this sends a settled order's notification again, freshly signed. */
  async resendNotification(orderNo: string): Promise<SandboxPayerResult> {
    return this.notify(eventOf(this.get(orderNo)), this.clock.now());
  }

  close(): void {
    this.db.close();
  }

  private async notify(event: PaymentEvent, now: Date): Promise<SandboxPayerResult> {
    const notification = signSandboxNotification(this.secret, event, now);
    if (!this.deliver) return { notification, delivery: { status: 'no_receiver' } };
    try {
      await this.deliver(notification);
      return { notification, delivery: { status: 'delivered' } };
    } catch (error) {
      return { notification, delivery: { status: 'failed', error } };
    }
  }

  private find(orderNo: string): PaymentRow | undefined {
    return this.db.prepare<[string], PaymentRow>('SELECT * FROM sandbox_payments WHERE order_no = ?').get(orderNo);
  }

  private get(orderNo: string): PaymentRow {
    const row = this.find(orderNo);
    if (!row) throw new PaymentError('ORDER_NOT_FOUND', '未找到该支付订单');
    return row;
  }

  /** Same order number again: the same prepay if nothing differs and it can still be paid (as WeChat's unifiedorder). */
  private reusable(row: PaymentRow, input: CreatePaymentInput, now: Date): PaymentRow {
    if (row.amount_fen !== input.amountFen || row.payer_openid !== input.payerOpenid) {
      throw new PaymentError('ORDER_NO_CONFLICT', '该订单号已用于金额或付款人不同的另一笔支付，请勿重复使用订单号');
    }
    const state = stateOf(row, now);
    if (state === 'paid' || state === 'refunded') throw alreadyPaid();
    if (state === 'expired') throw new PaymentError('PAYMENT_EXPIRED', '支付已超时，请重新下单');
    if (state !== 'pending') throw closed();
    return row;
  }
}

function alreadyPaid(): PaymentError {
  return new PaymentError('ORDER_ALREADY_PAID', '该订单已支付，请勿重复支付');
}

function closed(): PaymentError {
  return new PaymentError('ORDER_CLOSED', '该订单已关闭或支付失败，请重新下单');
}

function stateOf(row: PaymentRow, now: Date): Exclude<PaymentState, 'not_found'> {
  if (row.state === 'pending' && now.getTime() >= new Date(row.expires_at).getTime()) return 'expired';
  return row.state;
}

function statusOf(row: PaymentRow, now: Date): PaymentStatus {
  const state = stateOf(row, now);
  if (state === 'paid' || state === 'refunded') {
    return { state, amountFen: row.amount_fen, transactionId: paidTransaction(row), paidAt: settledAt(row) };
  }
  return { state, amountFen: row.amount_fen };
}

function eventOf(row: PaymentRow): PaymentEvent {
  if (row.state === 'paid' || row.state === 'refunded') {
    return {
      state: 'paid',
      orderNo: row.order_no,
      transactionId: paidTransaction(row),
      amountFen: row.amount_fen,
      paidAt: settledAt(row),
    };
  }
  if (row.state === 'failed') {
    return { state: 'failed', orderNo: row.order_no, amountFen: row.amount_fen, failedAt: settledAt(row) };
  }
  throw new PaymentError('ORDER_NOT_SETTLED', '该订单尚未支付，没有可发送的支付通知');
}

/** The table's CHECK guarantees a paid row has a transaction; this narrows the type. */
function paidTransaction(row: PaymentRow): string {
  if (row.transaction_id === null) throw new Error(`sandbox order ${row.order_no} is paid without a transaction id`);
  return row.transaction_id;
}

function settledAt(row: PaymentRow): Date {
  if (row.settled_at === null) throw new Error(`sandbox order ${row.order_no} is settled without a time`);
  return new Date(row.settled_at);
}
