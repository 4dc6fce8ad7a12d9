/**
 * payNotify: a gateway notification is believed only after the gateway port verified it (signature, or
 * confirmation with WeChat Pay), and acted on only when its amount is the order's. A replay returns
 * success and changes nothing; anything forged or wrong is refused and changes nothing.
 */
import { failure, success, type Envelope } from '../../../shared/contracts/envelope';
import type { PayNotifyInput, PayNotifyOutput } from '../../../shared/contracts/pay-notify';
import type { OrderingDeps } from './deps';
import { applyPaid, applyUnpaid } from './settle';

export async function handleNotification(
  deps: OrderingDeps,
  notification: PayNotifyInput,
): Promise<Envelope<PayNotifyOutput>> {
  const verdict = await deps.payments.gateway.verifyNotification({
    headers: notification.headers,
    body: notification.body,
  });
  if (!verdict.ok) {
    deps.log.warn('notification_rejected', { reason: verdict.reason });
    return failure('NOTIFICATION_REJECTED', verdict.message);
  }
  const event = verdict.event;
  const order = await deps.storage.orders.get(event.orderNo);
  if (!order || order.source !== 'wechat') {
    deps.log.warn('notification_for_unknown_order', { orderNo: event.orderNo });
    return failure('ORDER_NOT_FOUND', '支付通知对应的订单不存在。');
  }
  if (event.amountFen !== order.totalFen) {
    deps.log.error('notification_amount_mismatch', {
      orderNo: order.orderNo,
      reported: event.amountFen,
      expected: order.totalFen,
    });
    return failure('AMOUNT_MISMATCH', '支付通知的金额与订单金额不一致，已拒绝。');
  }
  if (event.state === 'paid') {
    const settled = await applyPaid(deps, order.orderNo, event);
    if (!settled.ok) return settled;
    return success({ orderNo: order.orderNo, outcome: settled.data.outcome === 'duplicate' ? 'duplicate' : 'paid' });
  }
  const settled = await applyUnpaid(deps, order.orderNo, {
    to: 'failed',
    reason: '支付未成功',
    notificationId: `failed:${order.orderNo}`,
  });
  return success({ orderNo: order.orderNo, outcome: settled?.outcome === 'failed' ? 'failed' : 'duplicate' });
}
