import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PaymentError,
  SandboxPaymentGateway,
  signSandboxNotification,
  type CreatePaymentInput,
  type SignedNotification,
} from '../../cloudfunctions/lib/payments';

const SECRET = 'sandbox-secret-for-tests-0123456789abcdef';
const MINUTE = 60_000;

/** A clock the test moves by hand. */
function fixedClock(iso: string) {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

function order(overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput {
  return {
    orderNo: 'QZ2023000001',
    amountFen: 38_000,
    description: '2023 年度城乡居民医保个人缴费',
    payerOpenid: 'openid-payer-1',
    expiresAt: new Date('2022-10-01T02:30:00Z'),
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<PaymentError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PaymentError)) throw new Error(`expected a PaymentError, got ${String(error)}`);
  return error;
}

describe('sandbox payment gateway', () => {
  let dir: string;
  let clock: ReturnType<typeof fixedClock>;
  let delivered: SignedNotification[];
  let gateway: SandboxPaymentGateway;

  function open(): SandboxPaymentGateway {
    return new SandboxPaymentGateway({
      databasePath: join(dir, 'sandbox-pay.sqlite'),
      secret: SECRET,
      clock,
      deliver: (n) => {
        delivered.push(n);
      },
    });
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'payments-sandbox-'));
    clock = fixedClock('2022-10-01T02:00:00Z');
    delivered = [];
    gateway = open();
  });

  afterEach(() => {
    gateway.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes an order from pending to paid when the payer pays, and its signed notification verifies', async () => {
    const created = await gateway.createPayment(order());
    expect(created.payParams.kind).toBe('sandbox');
    if (created.payParams.kind !== 'sandbox') return;
    expect(created.payParams.path).toBe(`/sandbox-pay?token=${created.payParams.token}`);
    expect(await gateway.queryPayment('QZ2023000001')).toEqual({ state: 'pending', amountFen: 38_000 });
    expect(gateway.paySheet(created.payParams.token)).toEqual({
      orderNo: 'QZ2023000001',
      amountFen: 38_000,
      description: '2023 年度城乡居民医保个人缴费',
      state: 'pending',
      expiresAt: new Date('2022-10-01T02:30:00Z'),
    });

    clock.advance(MINUTE);
    const acted = await gateway.payerActs('QZ2023000001', 'pay');
    expect(acted.delivery).toEqual({ status: 'delivered' });
    expect(delivered).toEqual([acted.notification]);

    const verdict = await gateway.verifyNotification(acted.notification);
    expect(verdict.ok).toBe(true);
    if (!verdict.ok || verdict.event.state !== 'paid') throw new Error('expected a paid event');
    expect(verdict.event).toMatchObject({ orderNo: 'QZ2023000001', amountFen: 38_000 });
    expect(verdict.event.paidAt).toEqual(new Date('2022-10-01T02:01:00Z'));
    expect(await gateway.queryPayment('QZ2023000001')).toEqual({
      state: 'paid',
      amountFen: 38_000,
      transactionId: verdict.event.transactionId,
      paidAt: new Date('2022-10-01T02:01:00Z'),
    });
  });

  it('leaves the order failed when the payer fails, and a failed order can no longer be paid', async () => {
    await gateway.createPayment(order());
    const acted = await gateway.payerActs('QZ2023000001', 'fail');
    const verdict = await gateway.verifyNotification(acted.notification);
    expect(verdict).toEqual({
      ok: true,
      event: { state: 'failed', orderNo: 'QZ2023000001', amountFen: 38_000, failedAt: clock.now() },
    });
    expect(await gateway.queryPayment('QZ2023000001')).toEqual({ state: 'failed', amountFen: 38_000 });
    expect((await refusal(gateway.payerActs('QZ2023000001', 'pay'))).code).toBe('ORDER_CLOSED');
    expect((await refusal(gateway.createPayment(order()))).code).toBe('ORDER_CLOSED');
  });

  it('keeps its orders in its SQLite file across a restart', async () => {
    await gateway.createPayment(order());
    const acted = await gateway.payerActs('QZ2023000001', 'pay');
    gateway.close();
    gateway = open();
    const status = await gateway.queryPayment('QZ2023000001');
    expect(status.state).toBe('paid');
    expect((await gateway.verifyNotification(acted.notification)).ok).toBe(true);
  });

  it('rejects a notification signed with another secret, a tampered body and missing signature headers', async () => {
    await gateway.createPayment(order());
    const genuine = (await gateway.payerActs('QZ2023000001', 'pay')).notification;
    const verdict = await gateway.verifyNotification(genuine);
    if (!verdict.ok) throw new Error('genuine notification refused');

    const forged = signSandboxNotification('another-secret-of-at-least-32-chars!!', verdict.event, clock.now());
    expect(await gateway.verifyNotification(forged)).toMatchObject({ ok: false, reason: 'bad_signature' });

    const tampered = { headers: genuine.headers, body: genuine.body.replace('38000', '1') };
    expect(tampered.body).not.toBe(genuine.body);
    expect(await gateway.verifyNotification(tampered)).toMatchObject({ ok: false, reason: 'bad_signature' });

    expect(await gateway.verifyNotification({ headers: {}, body: genuine.body })).toMatchObject({
      ok: false,
      reason: 'missing_signature',
    });
  });

  it('accepts a notification up to five minutes old and rejects it one second later', async () => {
    await gateway.createPayment(order());
    const { notification } = await gateway.payerActs('QZ2023000001', 'pay');
    clock.advance(5 * MINUTE);
    expect((await gateway.verifyNotification(notification)).ok).toBe(true);
    clock.advance(1000);
    const verdict = await gateway.verifyNotification(notification);
    expect(verdict).toMatchObject({ ok: false, reason: 'stale_timestamp' });
    if (!verdict.ok) expect(verdict.message).toMatch(/5 分钟/);
  });

  it('rejects a notification stamped more than five minutes in the future', async () => {
    const event = {
      state: 'paid' as const,
      orderNo: 'QZ2023000001',
      transactionId: 'SBX0000000000000000000000001',
      amountFen: 38_000,
      paidAt: clock.now(),
    };
    const early = signSandboxNotification(SECRET, event, new Date(clock.now().getTime() + 5 * MINUTE + 1000));
    expect(await gateway.verifyNotification(early)).toMatchObject({ ok: false, reason: 'stale_timestamp' });
  });

  it('yields the same event for a replayed notification and never charges the order a second time', async () => {
    await gateway.createPayment(order());
    const { notification } = await gateway.payerActs('QZ2023000001', 'pay');
    const first = await gateway.verifyNotification(notification);
    const replay = await gateway.verifyNotification(notification);
    expect(replay).toEqual(first);

    const second = await refusal(gateway.payerActs('QZ2023000001', 'pay'));
    expect(second.code).toBe('ORDER_ALREADY_PAID');
    expect(second.message).toBe('该订单已支付，不会重复扣款');

    const resent = await gateway.resendNotification('QZ2023000001');
    expect(resent.notification.headers['x-sandbox-nonce']).not.toBe(notification.headers['x-sandbox-nonce']);
    expect(await gateway.verifyNotification(resent.notification)).toEqual(first);
    expect(delivered).toHaveLength(2);
  });

  it('lets the payer pay until expiresAt, then refuses and reports the order expired', async () => {
    await gateway.createPayment(order({ orderNo: 'QZ2023000001' }));
    await gateway.createPayment(order({ orderNo: 'QZ2023000002' }));
    clock.advance(30 * MINUTE - 1);
    expect((await gateway.payerActs('QZ2023000001', 'pay')).notification.body).toContain('"paid"');

    clock.advance(1);
    const late = await refusal(gateway.payerActs('QZ2023000002', 'pay'));
    expect(late.code).toBe('PAYMENT_EXPIRED');
    expect(late.message).toBe('支付已超时，请返回重新下单');
    expect(await gateway.queryPayment('QZ2023000002')).toEqual({ state: 'expired', amountFen: 38_000 });
    expect((await gateway.queryPayment('QZ2023000001')).state).toBe('paid');
  });

  it('returns the same prepay when createPayment is repeated with the same order number and amount', async () => {
    const first = await gateway.createPayment(order());
    clock.advance(MINUTE);
    const again = await gateway.createPayment(order({ description: '重复提交' }));
    expect(again).toEqual(first);
  });

  it('refuses the same order number with a different amount or a different payer', async () => {
    await gateway.createPayment(order());
    const otherAmount = await refusal(gateway.createPayment(order({ amountFen: 38_001 })));
    expect(otherAmount.code).toBe('ORDER_NO_CONFLICT');
    expect(otherAmount.message).toMatch(/订单号/);
    expect((await refusal(gateway.createPayment(order({ payerOpenid: 'openid-other' })))).code).toBe(
      'ORDER_NO_CONFLICT',
    );
    expect(await gateway.queryPayment('QZ2023000001')).toEqual({ state: 'pending', amountFen: 38_000 });
  });

  it('refuses a second createPayment once the order is paid', async () => {
    await gateway.createPayment(order());
    await gateway.payerActs('QZ2023000001', 'pay');
    expect((await refusal(gateway.createPayment(order()))).code).toBe('ORDER_ALREADY_PAID');
  });

  it('reports the amount a signed notification states as-is, for the caller to compare with its order', async () => {
    await gateway.createPayment(order());
    const wrongAmount = signSandboxNotification(
      SECRET,
      {
        state: 'paid',
        orderNo: 'QZ2023000001',
        transactionId: 'SBX000000000000000000000001',
        amountFen: 1,
        paidAt: clock.now(),
      },
      clock.now(),
    );
    const verdict = await gateway.verifyNotification(wrongAmount);
    expect(verdict.ok && verdict.event.amountFen).toBe(1);
  });

  it('stops a pending order being paid once closed, closes idempotently, and refuses to close a paid order', async () => {
    await gateway.createPayment(order({ orderNo: 'QZ2023000001' }));
    await gateway.closePayment('QZ2023000001');
    await gateway.closePayment('QZ2023000001');
    expect(await gateway.queryPayment('QZ2023000001')).toEqual({ state: 'closed', amountFen: 38_000 });
    expect((await refusal(gateway.payerActs('QZ2023000001', 'pay'))).code).toBe('ORDER_CLOSED');

    await gateway.createPayment(order({ orderNo: 'QZ2023000002' }));
    await gateway.payerActs('QZ2023000002', 'pay');
    expect((await refusal(gateway.closePayment('QZ2023000002'))).code).toBe('ORDER_ALREADY_PAID');
    expect((await refusal(gateway.closePayment('QZ2023999999'))).code).toBe('ORDER_NOT_FOUND');
  });

  it('refunds a paid order in full once, and refuses a refund that does not match the payment', async () => {
    await gateway.createPayment(order());
    const acted = await gateway.payerActs('QZ2023000001', 'pay');
    const verdict = await gateway.verifyNotification(acted.notification);
    if (!verdict.ok || verdict.event.state !== 'paid') throw new Error('expected a paid event');
    const { transactionId } = verdict.event;

    const mismatch = await refusal(
      gateway.refund({ orderNo: 'QZ2023000001', transactionId, amountFen: 100, reason: '参保信息有误' }),
    );
    expect(mismatch.code).toBe('REFUND_MISMATCH');

    const refund = { orderNo: 'QZ2023000001', transactionId, amountFen: 38_000, reason: '参保信息有误' };
    expect(await gateway.refund(refund)).toEqual({ refundNo: 'RQZ2023000001', state: 'succeeded' });
    expect(await gateway.refund(refund)).toEqual({ refundNo: 'RQZ2023000001', state: 'succeeded' });
    expect(await gateway.queryPayment('QZ2023000001')).toMatchObject({ state: 'refunded', transactionId });
  });

  it('keeps the payment when delivering its notification fails, and can send the notification again', async () => {
    gateway.close();
    let receiverUp = false;
    gateway = new SandboxPaymentGateway({
      databasePath: join(dir, 'sandbox-pay.sqlite'),
      secret: SECRET,
      clock,
      deliver: () => {
        if (!receiverUp) throw new Error('callback endpoint down');
      },
    });
    await gateway.createPayment(order());
    const acted = await gateway.payerActs('QZ2023000001', 'pay');
    expect(acted.delivery.status).toBe('failed');
    expect((await gateway.queryPayment('QZ2023000001')).state).toBe('paid');
    receiverUp = true;
    expect((await gateway.resendNotification('QZ2023000001')).delivery).toEqual({ status: 'delivered' });
  });

  it('refuses malformed orders before they reach the sandbox', async () => {
    const cases: Array<Partial<CreatePaymentInput>> = [
      { orderNo: 'abc' },
      { orderNo: '订单号2023000001' },
      { amountFen: 0 },
      { amountFen: 380.5 },
      { description: '  ' },
      { expiresAt: new Date('2022-10-01T02:00:00Z') },
    ];
    for (const overrides of cases) {
      expect((await refusal(gateway.createPayment(order(overrides)))).code).toBe('INVALID_PAYMENT_REQUEST');
    }
    expect(await gateway.queryPayment('QZ2023000001')).toEqual({ state: 'not_found' });
  });
});
