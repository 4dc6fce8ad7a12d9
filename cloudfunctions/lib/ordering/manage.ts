/** pay.status and pay.cancel, and the orders history: a payer's own orders only. */
import { failure, success, type Envelope } from '../../../shared/contracts/envelope';
import type { OrdersOutput } from '../../../shared/contracts/orders';
import type { PayOutput } from '../../../shared/contracts/pay';
import { PaymentError } from '../payments/errors';
import type { Storage } from '../storage/port';
import type { Order } from '../storage/records';
import type { OrderingDeps } from './deps';
import { applyUnpaid, reconcile } from './settle';
import { orderSummaries, orderView, receiptView } from './views';

/** Someone else's order and no order look the same: an order number reveals nothing to a stranger. */
const NOT_FOUND = '没有找到该订单。';

export async function payersOrder(storage: Storage, payer: string, orderNo: string): Promise<Order | null> {
  const order = await storage.orders.get(orderNo);
  return order?.payerOpenid === payer ? order : null;
}

/** The order now, asking the gateway when it is still pending (late or missing notifications). */
export async function orderStatus(
  deps: OrderingDeps,
  payer: string,
  orderNo: string,
): Promise<Envelope<Extract<PayOutput, { action: 'status' }>>> {
  const order = await payersOrder(deps.storage, payer, orderNo);
  if (!order) return failure('ORDER_NOT_FOUND', NOT_FOUND);
  const latest = await reconcile(deps, order);
  return success({ action: 'status', order: await orderView(deps, payer, latest) });
}

export async function cancelOrder(
  deps: OrderingDeps,
  payer: string,
  orderNo: string,
): Promise<Envelope<Extract<PayOutput, { action: 'cancel' }>>> {
  const order = await payersOrder(deps.storage, payer, orderNo);
  if (!order) return failure('ORDER_NOT_FOUND', NOT_FOUND);
  if (order.state === 'paid' || order.state === 'refunded')
    return failure('ORDER_ALREADY_PAID', '该订单已支付成功，不能取消。');
  if (order.state !== 'pending') return success({ action: 'cancel', order: await orderView(deps, payer, order) });
  if (order.source === 'employee-account') {
    return failure('CANNOT_CANCEL', '个人账户代缴在下单时即时扣款，无需取消；如有疑问请查询订单状态。');
  }
  try {
    await deps.payments.gateway.closePayment(orderNo);
  } catch (error) {
    if (!(error instanceof PaymentError)) throw error;
    if (error.code === 'ORDER_ALREADY_PAID') {
      await reconcile(deps, order);
      return failure('ORDER_ALREADY_PAID', '该订单已支付成功，不能取消。');
    }
    if (error.code !== 'ORDER_NOT_FOUND') return failure(error.code, error.message);
  }
  const settled = await applyUnpaid(deps, orderNo, { to: 'failed', reason: '已取消' });
  return success({ action: 'cancel', order: await orderView(deps, payer, settled?.order ?? order) });
}

export async function listOrders(
  deps: { storage: Storage },
  payer: string,
  limit: number,
): Promise<Envelope<Extract<OrdersOutput, { action: 'list' }>>> {
  const orders = await deps.storage.orders.listByPayer(payer, limit);
  return success({ action: 'list', orders: await orderSummaries(deps, payer, orders) });
}

export async function orderReceipt(
  deps: { storage: Storage },
  payer: string,
  orderNo: string,
): Promise<Envelope<Extract<OrdersOutput, { action: 'receipt' }>>> {
  const order = await payersOrder(deps.storage, payer, orderNo);
  if (!order) return failure('ORDER_NOT_FOUND', NOT_FOUND);
  return success({ action: 'receipt', receipt: await receiptView(deps, payer, order) });
}
