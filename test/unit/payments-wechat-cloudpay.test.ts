import { describe, expect, it } from 'vitest';
import {
  PaymentError,
  WechatCloudPayGateway,
  cloudPayCallbackReply,
  fromBeijingTimestamp,
  toBeijingTimestamp,
  truncateUtf8,
  type CloudPayClient,
  type CloudPayCloseOrderParams,
  type CloudPayQueryOrderParams,
  type CloudPayRefundParams,
  type CloudPayUnifiedOrderParams,
  type CreatePaymentInput,
} from '../../cloudfunctions/lib/payments';

interface FakeOrder {
  params: CloudPayUnifiedOrderParams;
  prepayId: string;
  tradeState: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'PAYERROR' | 'REFUND' | 'USERPAYING';
  transactionId?: string;
  timeEnd?: string;
}

/**
 * Stands in for wx-server-sdk's cloud.cloudPay (a third-party service we cannot reach from here),
 * answering the way its documentation describes: camelCase JSON with returnCode/resultCode/errCode.
 */
class FakeCloudPay implements CloudPayClient {
  readonly orders = new Map<string, FakeOrder>();
  readonly calls: Array<{ api: string; params: object }> = [];
  unreachable = false;

  async unifiedOrder(params: CloudPayUnifiedOrderParams): Promise<unknown> {
    this.record('unifiedOrder', params);
    const existing = this.orders.get(params.outTradeNo);
    if (existing) {
      if (existing.tradeState === 'SUCCESS') return fail('ORDERPAID', '该订单已支付');
      if (existing.tradeState === 'CLOSED') return fail('ORDERCLOSED', '订单已关闭');
      if (existing.params.totalFee !== params.totalFee || existing.params.body !== params.body) {
        return fail('OUT_TRADE_NO_USED', '商户订单号重复');
      }
    }
    const order = existing ?? { params, prepayId: `wx${this.orders.size + 1}prepay`, tradeState: 'NOTPAY' };
    this.orders.set(params.outTradeNo, order);
    return {
      ...ok(),
      prepayId: order.prepayId,
      payment: {
        appId: 'wx0000000000000000',
        timeStamp: 1664589600,
        nonceStr: 'n0nce',
        package: `prepay_id=${order.prepayId}`,
        signType: 'MD5',
        paySign: 'SIGN',
      },
    };
  }

  async queryOrder(params: CloudPayQueryOrderParams): Promise<unknown> {
    this.record('queryOrder', params);
    const order = this.orders.get(params.out_trade_no);
    if (!order) return fail('ORDERNOTEXIST', '此交易订单号不存在');
    return {
      ...ok(),
      outTradeNo: params.out_trade_no,
      tradeState: order.tradeState,
      totalFee: order.params.totalFee,
      transactionId: order.transactionId,
      timeEnd: order.timeEnd,
    };
  }

  async closeOrder(params: CloudPayCloseOrderParams): Promise<unknown> {
    this.record('closeOrder', params);
    const order = this.orders.get(params.out_trade_no);
    if (!order) return fail('ORDERNOTEXIST', '此交易订单号不存在');
    if (order.tradeState === 'SUCCESS') return fail('ORDERPAID', '订单已支付');
    if (order.tradeState === 'CLOSED') return fail('ORDERCLOSED', '订单已关闭');
    order.tradeState = 'CLOSED';
    return ok();
  }

  async refund(params: CloudPayRefundParams): Promise<unknown> {
    this.record('refund', params);
    const order = this.orders.get(params.out_trade_no);
    if (!order || order.tradeState !== 'SUCCESS') return fail('ORDERNOTEXIST', '订单不存在');
    order.tradeState = 'REFUND';
    return { ...ok(), outRefundNo: params.out_refund_no, refundId: '50300000000000000000000000001' };
  }

  /** What WeChat Pay records when the payer completes the pay sheet. */
  pay(outTradeNo: string, transactionId: string, timeEnd: string): void {
    const order = this.orders.get(outTradeNo);
    if (!order) throw new Error('no such order');
    Object.assign(order, { tradeState: 'SUCCESS', transactionId, timeEnd });
  }

  private record(api: string, params: object): void {
    if (this.unreachable) throw new Error('cloudPay: network unreachable');
    this.calls.push({ api, params });
  }
}

function ok() {
  return { returnCode: 'SUCCESS', returnMsg: 'OK', resultCode: 'SUCCESS', errCode: 0, errMsg: 'cloudPay:ok' };
}

function fail(errCode: string, errCodeDes: string) {
  return { returnCode: 'SUCCESS', returnMsg: 'OK', resultCode: 'FAIL', errCode, errCodeDes };
}

const clock = { now: () => new Date('2022-10-01T02:00:00Z') };

function setup() {
  const cloudPay = new FakeCloudPay();
  const gateway = new WechatCloudPayGateway({
    cloudPay,
    envId: 'prod-env-123',
    subMchId: '1900000109',
    paymentCallbackFunction: 'payCallback',
    refundCallbackFunction: 'refundCallback',
    clock,
  });
  return { cloudPay, gateway };
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

/** The event cloud pay passes to the payment callback function. */
function callbackEvent(overrides: Record<string, unknown> = {}) {
  return {
    returnCode: 'SUCCESS',
    appid: 'wx0000000000000000',
    mchId: '1800008281',
    subMchId: '1900000109',
    nonceStr: 'f6444fd22de27b16',
    resultCode: 'SUCCESS',
    subOpenid: 'openid-payer-1',
    tradeType: 'JSAPI',
    bankType: 'OTHERS',
    totalFee: 38_000,
    feeType: 'CNY',
    cashFee: 38_000,
    transactionId: '4200001234202210011234567890',
    outTradeNo: 'QZ2023000001',
    timeEnd: '20221001100500',
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

describe('WeChat cloud pay gateway', () => {
  it('maps an order onto CloudPay.unifiedOrder and hands the payment object to the client', async () => {
    const { cloudPay, gateway } = setup();
    const created = await gateway.createPayment(order());
    expect(cloudPay.calls).toHaveLength(1);
    const params = cloudPay.calls[0]?.params as CloudPayUnifiedOrderParams;
    expect(params).toMatchObject({
      body: '2023 年度城乡居民医保个人缴费',
      outTradeNo: 'QZ2023000001',
      totalFee: 38_000,
      spbillCreateIp: '127.0.0.1',
      subMchId: '1900000109',
      envId: 'prod-env-123',
      functionName: 'payCallback',
      tradeType: 'JSAPI',
      timeExpire: '20221001103000',
      subOpenid: 'openid-payer-1',
    });
    expect(params.nonceStr).toMatch(/^[0-9a-f]{32}$/);
    expect(created).toEqual({
      prepayId: 'wx1prepay',
      payParams: {
        kind: 'wechat',
        payment: {
          timeStamp: '1664589600',
          nonceStr: 'n0nce',
          package: 'prepay_id=wx1prepay',
          signType: 'MD5',
          paySign: 'SIGN',
        },
      },
    });
  });

  it('cuts a long description to 128 bytes of UTF-8 without splitting a character', async () => {
    const { cloudPay, gateway } = setup();
    await gateway.createPayment(order({ description: '医'.repeat(100) }));
    const params = cloudPay.calls[0]?.params as CloudPayUnifiedOrderParams;
    expect(params.body).toBe('医'.repeat(42));
    expect(Buffer.byteLength(params.body, 'utf8')).toBe(126);
    expect(truncateUtf8('ab医', 4)).toBe('ab');
  });

  it('returns the same prepay for a repeated order and refuses the order number with another amount or once paid', async () => {
    const { cloudPay, gateway } = setup();
    const first = await gateway.createPayment(order());
    expect(await gateway.createPayment(order())).toEqual(first);
    expect((await refusal(gateway.createPayment(order({ amountFen: 1 })))).code).toBe('ORDER_NO_CONFLICT');
    cloudPay.pay('QZ2023000001', '4200001234202210011234567890', '20221001100500');
    expect((await refusal(gateway.createPayment(order()))).code).toBe('ORDER_ALREADY_PAID');
  });

  it('maps queryOrder trade states onto payment states', async () => {
    const { cloudPay, gateway } = setup();
    expect(await gateway.queryPayment('QZ2023000001')).toEqual({ state: 'not_found' });
    await gateway.createPayment(order());
    expect(await gateway.queryPayment('QZ2023000001')).toEqual({ state: 'pending', amountFen: 38_000 });
    const stored = cloudPay.orders.get('QZ2023000001');
    if (!stored) throw new Error('order missing');
    const table = [
      ['USERPAYING', 'pending'],
      ['PAYERROR', 'failed'],
      ['CLOSED', 'closed'],
    ] as const;
    for (const [tradeState, state] of table) {
      stored.tradeState = tradeState;
      expect(await gateway.queryPayment('QZ2023000001')).toEqual({ state, amountFen: 38_000 });
    }
    cloudPay.pay('QZ2023000001', '4200001234202210011234567890', '20221001100500');
    expect(await gateway.queryPayment('QZ2023000001')).toEqual({
      state: 'paid',
      amountFen: 38_000,
      transactionId: '4200001234202210011234567890',
      paidAt: new Date('2022-10-01T02:05:00Z'),
    });
    expect(cloudPay.calls.filter((c) => c.api === 'queryOrder').at(-1)?.params).toMatchObject({
      sub_mch_id: '1900000109',
      out_trade_no: 'QZ2023000001',
    });
  });

  it('accepts a platform callback that WeChat Pay confirms, with the amount as stated', async () => {
    const { cloudPay, gateway } = setup();
    await gateway.createPayment(order());
    cloudPay.pay('QZ2023000001', '4200001234202210011234567890', '20221001100500');
    expect(await gateway.verifyNotification({ headers: {}, body: callbackEvent() })).toEqual({
      ok: true,
      event: {
        state: 'paid',
        orderNo: 'QZ2023000001',
        transactionId: '4200001234202210011234567890',
        amountFen: 38_000,
        paidAt: new Date('2022-10-01T02:05:00Z'),
      },
    });
    expect(cloudPayCallbackReply('handled')).toEqual({ errcode: 0, errmsg: '' });
  });

  it('rejects a callback forged by calling the callback function while WeChat Pay holds no payment', async () => {
    const { gateway } = setup();
    await gateway.createPayment(order());
    expect(await gateway.verifyNotification({ headers: {}, body: callbackEvent() })).toMatchObject({
      ok: false,
      reason: 'not_confirmed',
    });
  });

  it('believes a failure callback only once WeChat Pay holds the order as ended unpaid', async () => {
    const { cloudPay, gateway } = setup();
    await gateway.createPayment(order());
    const failed = callbackEvent({ resultCode: 'FAIL', transactionId: undefined, timeEnd: undefined });
    const stored = cloudPay.orders.get('QZ2023000001');
    if (!stored) throw new Error('order missing');
    for (const tradeState of ['NOTPAY', 'USERPAYING'] as const) {
      stored.tradeState = tradeState;
      expect(await gateway.verifyNotification({ headers: {}, body: failed })).toMatchObject({
        ok: false,
        reason: 'not_confirmed',
      });
    }
    for (const tradeState of ['PAYERROR', 'CLOSED'] as const) {
      stored.tradeState = tradeState;
      expect(await gateway.verifyNotification({ headers: {}, body: failed })).toMatchObject({
        ok: true,
        event: { state: 'failed', orderNo: 'QZ2023000001' },
      });
    }
  });

  it('rejects a callback whose amount or transaction differs from WeChat Pay\u2019s record', async () => {
    const { cloudPay, gateway } = setup();
    await gateway.createPayment(order());
    cloudPay.pay('QZ2023000001', '4200001234202210011234567890', '20221001100500');
    for (const body of [
      callbackEvent({ totalFee: 1 }),
      callbackEvent({ transactionId: '4200009999999999999999999999' }),
    ]) {
      expect(await gateway.verifyNotification({ headers: {}, body })).toMatchObject({
        ok: false,
        reason: 'not_confirmed',
      });
    }
  });

  it('rejects callbacks that report a communication failure, another merchant, or lack fields', async () => {
    const { gateway } = setup();
    const cases = [
      [callbackEvent({ returnCode: 'FAIL' }), 'communication_failure'],
      [callbackEvent({ subMchId: '1900000999' }), 'merchant_mismatch'],
      [callbackEvent({ totalFee: undefined }), 'malformed_body'],
      [callbackEvent({ timeEnd: '20221301100500' }), 'malformed_body'],
      ['returnCode=SUCCESS', 'malformed_body'],
    ] as const;
    for (const [body, reason] of cases) {
      expect(await gateway.verifyNotification({ headers: {}, body })).toMatchObject({ ok: false, reason });
    }
  });

  it('asks the platform to retry a callback it cannot confirm because cloud pay is unreachable', async () => {
    const { cloudPay, gateway } = setup();
    cloudPay.unreachable = true;
    const verdict = await gateway.verifyNotification({ headers: {}, body: callbackEvent() });
    expect(verdict).toMatchObject({ ok: false, reason: 'confirmation_unavailable' });
    expect(cloudPayCallbackReply('retry', '稍后重试').errcode).not.toBe(0);
  });

  it('turns an unreachable or failing cloud pay into GATEWAY_UNAVAILABLE', async () => {
    const { cloudPay, gateway } = setup();
    cloudPay.unreachable = true;
    const thrown = await refusal(gateway.createPayment(order()));
    expect(thrown.code).toBe('GATEWAY_UNAVAILABLE');
    expect(thrown.detail).toContain('network unreachable');

    const failing: CloudPayClient = {
      unifiedOrder: async () => ({ returnCode: 'FAIL', returnMsg: 'sub_mch_id与sub_appid不匹配' }),
      queryOrder: async () => ({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'SYSTEMERROR' }),
      closeOrder: async () => ({}),
      refund: async () => ({}),
    };
    const gateway2 = new WechatCloudPayGateway({
      cloudPay: failing,
      envId: 'prod-env-123',
      subMchId: '1900000109',
      paymentCallbackFunction: 'payCallback',
      refundCallbackFunction: 'refundCallback',
      clock,
    });
    expect((await refusal(gateway2.createPayment(order()))).code).toBe('GATEWAY_UNAVAILABLE');
    expect((await refusal(gateway2.queryPayment('QZ2023000001'))).code).toBe('GATEWAY_UNAVAILABLE');
    expect((await refusal(gateway2.closePayment('QZ2023000001'))).code).toBe('GATEWAY_UNAVAILABLE');
  });

  it('closes an unpaid order idempotently and refuses to close a paid one', async () => {
    const { cloudPay, gateway } = setup();
    await gateway.createPayment(order());
    await gateway.closePayment('QZ2023000001');
    await gateway.closePayment('QZ2023000001');
    expect((await gateway.queryPayment('QZ2023000001')).state).toBe('closed');

    await gateway.createPayment(order({ orderNo: 'QZ2023000002' }));
    cloudPay.pay('QZ2023000002', '4200001234202210011234567891', '20221001100500');
    expect((await refusal(gateway.closePayment('QZ2023000002'))).code).toBe('ORDER_ALREADY_PAID');
  });

  it('refunds a paid order in full under a refund number derived from the order, after checking the transaction', async () => {
    const { cloudPay, gateway } = setup();
    await gateway.createPayment(order());
    cloudPay.pay('QZ2023000001', '4200001234202210011234567890', '20221001100500');
    const wrong = {
      orderNo: 'QZ2023000001',
      transactionId: '4200000000000000000000000000',
      amountFen: 38_000,
      reason: '重复参保',
    };
    expect((await refusal(gateway.refund(wrong))).code).toBe('REFUND_MISMATCH');
    expect(cloudPay.calls.some((c) => c.api === 'refund')).toBe(false);

    const receipt = await gateway.refund({ ...wrong, transactionId: '4200001234202210011234567890' });
    expect(receipt).toEqual({ refundNo: 'RQZ2023000001', state: 'processing' });
    expect(cloudPay.calls.find((c) => c.api === 'refund')?.params).toMatchObject({
      sub_mch_id: '1900000109',
      out_trade_no: 'QZ2023000001',
      out_refund_no: 'RQZ2023000001',
      total_fee: 38_000,
      refund_fee: 38_000,
      refund_desc: '重复参保',
      envId: 'prod-env-123',
      functionName: 'refundCallback',
    });
    expect((await gateway.queryPayment('QZ2023000001')).state).toBe('refunded');
  });

  it('writes and reads WeChat Pay times in Beijing time', () => {
    expect(toBeijingTimestamp(new Date('2022-12-31T16:00:00Z'))).toBe('20230101000000');
    expect(fromBeijingTimestamp('20230101000000')).toEqual(new Date('2022-12-31T16:00:00Z'));
    expect(fromBeijingTimestamp('20230230120000')).toBeNull();
    expect(fromBeijingTimestamp('2023-01-01')).toBeNull();
  });
});
