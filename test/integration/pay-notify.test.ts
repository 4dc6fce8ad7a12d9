import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  signSandboxNotification,
  type SignedNotification,
} from '../../cloudfunctions/lib/payments/sandbox-notification';
import { pay } from '../../cloudfunctions/pay';
import { payNotify } from '../../cloudfunctions/payNotify';
import { dataOf, errorOf, openWorld, SANDBOX_SECRET, zhangFamily, type World } from './family-pay-world';

let world: World;
let orderNo: string;

beforeEach(async () => {
  world = await openWorld();
  await zhangFamily(world);
  const created = dataOf(
    await world.call(pay, 'o-li', {
      action: 'create',
      people: [{ residentRef: 'self' }],
      source: 'wechat',
      idempotencyKey: 'notify-key-1',
    }),
  );
  if (created.action !== 'create') throw new Error('wrong action');
  orderNo = created.order.orderNo;
});
afterEach(async () => world.close());

/** The notification reaches payNotify as the sandbox delivers it: headers and the raw body. */
function deliver(notification: { headers: Record<string, string>; body: unknown }) {
  return world.call(payNotify, null, notification);
}

function paidEvent(overrides: { amountFen?: number; orderNo?: string; transactionId?: string } = {}) {
  return {
    state: 'paid' as const,
    orderNo: overrides.orderNo ?? orderNo,
    transactionId: overrides.transactionId ?? 'SBX-test-transaction-0001',
    amountFen: overrides.amountFen ?? 40_000,
    paidAt: world.clock.now(),
  };
}

const orderState = async () => (await world.storage.orders.get(orderNo))?.state;

describe('payNotify: genuine notifications', () => {
  it('marks the order and its people paid once, and a replay — resent by the gateway or posted again — changes nothing', async () => {
    const acted = await world.sandbox.gateway.payerActs(orderNo, 'pay');
    expect(acted.delivery.status).toBe('delivered');
    expect(await orderState()).toBe('paid');
    const before = world.snapshot();

    expect(dataOf(await deliver(acted.notification))).toEqual({ orderNo, outcome: 'duplicate' });
    expect((await world.sandbox.gateway.resendNotification(orderNo)).delivery.status).toBe('delivered');
    expect(world.snapshot()).toEqual(before);
    expect(world.countRows('app', 'SELECT COUNT(*) FROM payment_notifications')).toBe(1);
  });

  it('marks a failed payment once and frees its people; the replay changes nothing', async () => {
    const acted = await world.sandbox.gateway.payerActs(orderNo, 'fail');
    expect(await orderState()).toBe('failed');
    const before = world.snapshot();
    expect(dataOf(await deliver(acted.notification))).toEqual({ orderNo, outcome: 'duplicate' });
    expect(world.snapshot()).toEqual(before);
  });

  it('still records money the gateway took after the order expired here, and pays its people', async () => {
    world.clock.advance(31 * 60 * 1000);
    dataOf(await world.call(pay, 'o-li', { action: 'status', orderNo }));
    expect(await orderState()).toBe('expired');
    const late = signSandboxNotification(SANDBOX_SECRET, paidEvent(), world.clock.now());
    expect(dataOf(await deliver(late))).toEqual({ orderNo, outcome: 'paid' });
    expect(await orderState()).toBe('paid');
  });
});

describe('payNotify: what changes nothing', () => {
  const refusals: Array<
    [string, () => SignedNotification | { headers: Record<string, string>; body: unknown }, string]
  > = [
    [
      'a notification signed with another key',
      () => signSandboxNotification('someone-elses-secret-0123456789abcdef', paidEvent(), world.clock.now()),
      'NOTIFICATION_REJECTED',
    ],
    [
      'a genuine notification whose body was altered',
      () => {
        const genuine = signSandboxNotification(SANDBOX_SECRET, paidEvent(), world.clock.now());
        return { ...genuine, body: genuine.body.replace('40000', '1') };
      },
      'NOTIFICATION_REJECTED',
    ],
    [
      'a notification without a signature',
      () => ({ headers: {}, body: JSON.stringify({ ...paidEvent(), paidAt: world.clock.now().toISOString() }) }),
      'NOTIFICATION_REJECTED',
    ],
    [
      'a notification captured ten minutes ago',
      () =>
        signSandboxNotification(SANDBOX_SECRET, paidEvent(), new Date(world.clock.now().getTime() - 10 * 60 * 1000)),
      'NOTIFICATION_REJECTED',
    ],
    [
      'a signed notification whose amount differs from the order',
      () => signSandboxNotification(SANDBOX_SECRET, paidEvent({ amountFen: 1 }), world.clock.now()),
      'AMOUNT_MISMATCH',
    ],
    [
      'a signed notification for an order that does not exist',
      () => signSandboxNotification(SANDBOX_SECRET, paidEvent({ orderNo: 'P20241115000000000000' }), world.clock.now()),
      'ORDER_NOT_FOUND',
    ],
    [
      'a notification whose body is not text',
      () => ({ headers: {}, body: { state: 'paid' } }),
      'NOTIFICATION_REJECTED',
    ],
  ];

  it.each(refusals)('refuses %s, and every database is as before', async (_name, make, code) => {
    const before = world.snapshot();
    const refusal = errorOf(await deliver(make()));
    expect(refusal.code).toBe(code);
    expect(refusal.message).toMatch(/[\u4e00-\u9fff]/);
    expect(world.snapshot()).toEqual(before);
    expect(await orderState()).toBe('pending');
  });

  it('refuses an event that is not a notification at all', async () => {
    const before = world.snapshot();
    expect(errorOf(await deliver({ headers: { a: 'b' }, body: 'x', extra: 1 } as never)).code).toBe('INVALID_INPUT');
    expect(world.snapshot()).toEqual(before);
  });
});
