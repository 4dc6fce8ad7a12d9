/**
 * The payment setup production runs with (lib/payments/production.ts), exercised through the `pay`
 * function over real SQLite. Only wx-server-sdk's `cloud.cloudPay` is stood in for: WeChat Pay cannot
 * be reached from here.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { family } from '../../cloudfunctions/family';
import type { Deps, Payments } from '../../cloudfunctions/lib/context';
import type { CloudPayClient, CloudPayUnifiedOrderParams } from '../../cloudfunctions/lib/payments/cloudpay-client';
import { EMPLOYEE_ACCOUNT_NOT_OPEN_MESSAGE } from '../../cloudfunctions/lib/payments/employee-account-not-connected';
import { PaymentError } from '../../cloudfunctions/lib/payments/errors';
import {
  cloudPayConfigFromEnv,
  lazyProductionPayments,
  productionPayments,
} from '../../cloudfunctions/lib/payments/production';
import { localPlatformContext } from '../../cloudfunctions/lib/context';
import { pay } from '../../cloudfunctions/pay';
import { policies } from '../../cloudfunctions/policies';
import { dataOf, errorOf, openWorld, zhangFamily, type Person, type World } from './family-pay-world';

const PRODUCTION_ENV = { TCB_ENV: 'prod-4g7h2k', WX_SUB_MCH_ID: '1900000109' };

/** Stands in for `cloud.cloudPay`: answers unifiedOrder as its documentation shows, knows no other order. */
class FakeCloudPay implements CloudPayClient {
  readonly calls: Array<{ api: string; params: object }> = [];

  async unifiedOrder(params: CloudPayUnifiedOrderParams): Promise<unknown> {
    this.calls.push({ api: 'unifiedOrder', params });
    return {
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      errCode: 0,
      prepayId: 'wx15100000prepay',
      payment: {
        appId: 'wx0000000000000000',
        timeStamp: 1731636000,
        nonceStr: 'n0nce',
        package: 'prepay_id=wx15100000prepay',
        signType: 'MD5',
        paySign: 'SIGN',
      },
    };
  }

  async queryOrder(params: object): Promise<unknown> {
    this.calls.push({ api: 'queryOrder', params });
    return { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'ORDERNOTEXIST' };
  }

  async closeOrder(params: object): Promise<unknown> {
    this.calls.push({ api: 'closeOrder', params });
    return { returnCode: 'SUCCESS', resultCode: 'SUCCESS' };
  }

  async refund(params: object): Promise<unknown> {
    this.calls.push({ api: 'refund', params });
    return { returnCode: 'SUCCESS', resultCode: 'SUCCESS' };
  }
}

let world: World;
let cast: Awaited<ReturnType<typeof zhangFamily>>;
let cloudPay: FakeCloudPay;

beforeEach(async () => {
  world = await openWorld();
  cast = await zhangFamily(world);
  cloudPay = new FakeCloudPay();
});
afterEach(async () => world.close());

/** The world's dependencies with production's payments, read lazily as cloudbaseDeps() provides them. */
function productionDeps(env: NodeJS.ProcessEnv): Deps {
  const payments = lazyProductionPayments({ env, clock: world.clock, log: world.deps.log, cloudPay: () => cloudPay });
  const { storage, pii, clock, log, identify } = world.deps;
  return {
    storage,
    pii,
    clock,
    log,
    identify,
    get payments(): Payments | undefined {
      return payments();
    },
  };
}

const byId = (person: Person) => ({ name: person.resident.name, idNumber: person.idNumber });
const orderCount = () => world.countRows('app', 'SELECT COUNT(*) FROM orders');

describe('production payments: configuration', () => {
  it('reads the sub-merchant and environment, defaults the callback to payNotify, and treats blank values as missing', () => {
    expect(cloudPayConfigFromEnv({ ...PRODUCTION_ENV, WX_REFUND_CALLBACK_FUNCTION: '' })).toEqual({
      ok: true,
      config: {
        envId: 'prod-4g7h2k',
        subMchId: '1900000109',
        paymentCallbackFunction: 'payNotify',
        refundCallbackFunction: null,
      },
    });
    expect(cloudPayConfigFromEnv({ SCF_NAMESPACE: 'prod-4g7h2k', WX_SUB_MCH_ID: ' ' })).toEqual({
      ok: false,
      missing: ['WX_SUB_MCH_ID'],
      malformed: [],
    });
    expect(
      cloudPayConfigFromEnv({
        WX_SUB_MCH_ID: 'wx-secret-looking',
        WX_PAY_CALLBACK_FUNCTION: '{{env.WX_PAY_CALLBACK_FUNCTION}}',
      }),
    ).toEqual({ ok: false, missing: ['TCB_ENV'], malformed: ['WX_SUB_MCH_ID', 'WX_PAY_CALLBACK_FUNCTION'] });
  });

  it('without WX_SUB_MCH_ID, pay answers PAYMENTS_UNAVAILABLE and the log names the variable, while functions that do not pay never ask', async () => {
    const deps = productionDeps({ TCB_ENV: 'prod-4g7h2k' });
    const context = localPlatformContext('o-li');
    dataOf(await policies.withDeps(deps)({}, context));
    expect(world.logLines.join('\n')).not.toContain('payments_unconfigured');

    const refusal = errorOf(
      await pay.withDeps(deps)({ action: 'preview', people: [{ residentRef: 'self' }], source: 'wechat' }, context),
    );
    expect(refusal).toEqual({ code: 'PAYMENTS_UNAVAILABLE', message: '支付服务暂时不可用，请稍后再试。' });
    const line = world.logLines.find((l) => l.includes('payments_unconfigured'));
    expect(JSON.parse(line ?? '{}')).toMatchObject({ missing: ['WX_SUB_MCH_ID'], malformed: [] });
    expect(line).not.toContain('prod-4g7h2k');
    expect(cloudPay.calls).toEqual([]);
  });
});

describe('production payments: WeChat cloud pay', () => {
  it('creates the order through cloud pay with the sub-merchant, environment and callback function from the environment', async () => {
    const deps = productionDeps({ ...PRODUCTION_ENV, WX_PAY_CALLBACK_FUNCTION: 'payNotify' });
    const answer = dataOf(
      await pay.withDeps(deps)(
        { action: 'create', people: [{ residentRef: 'self' }], source: 'wechat', idempotencyKey: 'prod-key-000001' },
        localPlatformContext('o-li'),
      ),
    );
    if (answer.action !== 'create') throw new Error('wrong action');
    expect(answer.order).toMatchObject({ state: 'pending', total: 400, source: 'wechat' });
    expect(answer.payParams).toMatchObject({ kind: 'wechat', payment: { package: 'prepay_id=wx15100000prepay' } });
    expect(cloudPay.calls).toEqual([
      {
        api: 'unifiedOrder',
        params: expect.objectContaining({
          outTradeNo: answer.order.orderNo,
          totalFee: 40_000,
          subMchId: '1900000109',
          envId: 'prod-4g7h2k',
          functionName: 'payNotify',
          subOpenid: 'o-li',
          tradeType: 'JSAPI',
        }),
      },
    ]);
  });

  it('refuses a refund without calling WeChat Pay while no refund callback function is configured', async () => {
    const payments = productionPayments({
      cloudPay,
      config: {
        envId: 'prod-4g7h2k',
        subMchId: '1900000109',
        paymentCallbackFunction: 'payNotify',
        refundCallbackFunction: null,
      },
      clock: world.clock,
      log: world.deps.log,
    });
    const refund = payments.gateway.refund({
      orderNo: 'P20241115abcdef',
      transactionId: '4200000001',
      amountFen: 40_000,
      reason: '测试',
    });
    await expect(refund).rejects.toThrow(PaymentError);
    await expect(refund).rejects.toMatchObject({
      code: 'GATEWAY_UNAVAILABLE',
      message: '退款服务暂未开通，请联系客服处理',
    });
    expect(cloudPay.calls).toEqual([]);
    expect(world.logLines.join('\n')).toContain('WX_REFUND_CALLBACK_FUNCTION');
  });
});

describe('production payments: the employee account (家庭共济) is not connected', () => {
  it('refuses preview and create for a consenting spouse in plain words, before any order exists', async () => {
    const bound = dataOf(
      await world.call(family, 'o-zhang', { action: 'bind', ...byId(cast.li), relationship: 'spouse' }),
    );
    if (bound.action !== 'bind' || !bound.consent) throw new Error('expected a consent code');
    dataOf(await world.call(family, 'o-li', { action: 'confirm', code: bound.consent.code }));

    const deps = productionDeps(PRODUCTION_ENV);
    const call = pay.withDeps(deps);
    const context = localPlatformContext('o-zhang');
    const notOpen = { code: 'EMPLOYEE_ACCOUNT_NOT_OPEN', message: EMPLOYEE_ACCOUNT_NOT_OPEN_MESSAGE };
    expect(
      errorOf(await call({ action: 'preview', people: [byId(cast.li)], source: 'employee-account' }, context)),
    ).toEqual(notOpen);
    const create = {
      action: 'create',
      people: [byId(cast.li)],
      source: 'employee-account',
      idempotencyKey: 'prod-key-000002',
    };
    expect(errorOf(await call(create, context))).toEqual(notOpen);
    expect(orderCount()).toBe(0);
    expect(await world.storage.enrollments.get(cast.li.resident.id, 2025)).toMatchObject({
      status: 'registered',
      orderNo: null,
    });

    // WeChat Pay still works for the same person.
    const wechat = dataOf(await call({ ...create, source: 'wechat', idempotencyKey: 'prod-key-000003' }, context));
    expect(wechat).toMatchObject({ action: 'create', payParams: { kind: 'wechat' } });
  });
});
