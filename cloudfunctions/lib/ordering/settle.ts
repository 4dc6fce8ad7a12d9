/**
 * Settling orders: a payment that happened (verified notification, gateway query, account debit) marks
 * the order and its enrollments paid, with cover computed by the rules at the paid date; an order that
 * failed, was cancelled or expired frees its people for another order. Each settlement is one
 * transaction, recorded once by transaction id, so a replay changes nothing.
 */
import { failure, success, type Envelope } from '../../../shared/contracts/envelope';
import { getPolicy, quotePerson } from '../../../shared/rules';
import { shanghaiDateOf } from '../clock';
import { residentFacts } from '../enrollment/person-facts';
import { isCloseRelative } from '../family/relationships';
import type { EmployeeAccountDebitInput } from '../payments/employee-account-port';
import { PaymentError } from '../payments/errors';
import type { PaymentStatus } from '../payments/gateway-port';
import type { Enrollment, Order } from '../storage/records';
import type { OrderingDeps } from './deps';

export const EXPIRED_REASON = '超过支付时限未支付，订单已失效';
/** Kept on a paid order whose people another order had already paid: an operator must refund it. */
export const NEEDS_REFUND_REASON = '部分参保人已由其他订单缴费，本单需人工核实退款';

export function isExpired(order: Order, now: Date): boolean {
  return Date.parse(order.expiresAt) <= now.getTime();
}

export type PaymentFact = { transactionId: string; paidAt: Date; amountFen: number };
export type Settled = { order: Order; outcome: 'paid' | 'failed' | 'duplicate' | 'unchanged' };

type Cover = { policyId: string; coverageStart: string | null; coverageEnd: string };

/** Each item's cover for a payment on `payDate`, by the rules of its policy. */
async function coverAt(deps: OrderingDeps, order: Order, payDate: string): Promise<Map<string, Cover>> {
  const residents = new Map(
    (await deps.storage.residents.getMany(order.items.map((i) => i.residentId))).map((r) => [r.id, r]),
  );
  const cover = new Map<string, Cover>();
  for (const item of order.items) {
    const policy = getPolicy(item.policyId);
    const resident = residents.get(item.residentId);
    if (!policy || !resident) continue;
    const decision = quotePerson(policy, {
      payDate,
      person: await residentFacts(deps.storage.subsidies, resident, policy),
    });
    if (!decision.payable)
      deps.log.warn('paid_outside_window', { orderNo: order.orderNo, policyId: policy.id, payDate });
    cover.set(item.residentId, {
      policyId: policy.id,
      coverageStart: decision.coverageStart,
      coverageEnd: decision.coverageEnd,
    });
  }
  return cover;
}

/** Marks the order and its enrollments paid; a payment already recorded is a replay and changes nothing. */
export async function applyPaid(deps: OrderingDeps, orderNo: string, payment: PaymentFact): Promise<Envelope<Settled>> {
  const order = await deps.storage.orders.get(orderNo);
  if (!order) return failure('ORDER_NOT_FOUND', '没有找到该订单。');
  if (payment.amountFen !== order.totalFen) {
    deps.log.error('payment_amount_mismatch', { orderNo, reported: payment.amountFen, expected: order.totalFen });
    return failure('AMOUNT_MISMATCH', '支付金额与订单金额不一致，已拒绝，请联系客服核实。');
  }
  const payDate = shanghaiDateOf(payment.paidAt);
  const cover = await coverAt(deps, order, payDate);
  const at = deps.clock.now().toISOString();

  return deps.storage.transaction(async (tx) => {
    const first = await tx.paymentNotifications.record({
      transactionId: payment.transactionId,
      orderNo,
      outcome: 'paid',
      receivedAt: at,
    });
    if (!first) return success({ order: (await tx.orders.get(orderNo)) ?? order, outcome: 'duplicate' as const });

    const payable: Enrollment[] = [];
    let paidElsewhere = false;
    for (const item of order.items) {
      const enrollment = await tx.enrollments.get(item.residentId, item.coverageYear);
      if (enrollment?.status === 'registered') payable.push(enrollment);
      else paidElsewhere = true;
    }
    const moved = await tx.orders.transition(orderNo, {
      from: ['pending', 'expired', 'failed'],
      to: 'paid',
      at,
      paidAt: payment.paidAt.toISOString(),
      transactionId: payment.transactionId,
      failureReason: paidElsewhere ? NEEDS_REFUND_REASON : null,
    });
    if (!moved) return success({ order: (await tx.orders.get(orderNo)) ?? order, outcome: 'duplicate' as const });
    if (paidElsewhere) deps.log.error('paid_order_needs_refund', { orderNo });

    for (const enrollment of payable) {
      const itemCover = cover.get(enrollment.residentId);
      await tx.enrollments.update(enrollment.residentId, enrollment.coverageYear, 'registered', {
        status: 'paid',
        paidOn: payDate,
        orderNo,
        ...(itemCover ?? {}),
        updatedAt: at,
      });
    }
    return success({ order: moved, outcome: 'paid' as const });
  });
}

/**
 * Moves a pending order to failed or expired and frees its people. `notificationId` records a failure
 * notification once, so its replays are seen as such.
 */
export async function applyUnpaid(
  deps: OrderingDeps,
  orderNo: string,
  change: { to: 'failed' | 'expired'; reason: string; notificationId?: string },
): Promise<Settled | null> {
  const at = deps.clock.now().toISOString();
  return deps.storage.transaction(async (tx) => {
    if (change.notificationId !== undefined) {
      const first = await tx.paymentNotifications.record({
        transactionId: change.notificationId,
        orderNo,
        outcome: 'failed',
        receivedAt: at,
      });
      const current = await tx.orders.get(orderNo);
      if (!first) return current ? { order: current, outcome: 'duplicate' as const } : null;
    }
    const moved = await tx.orders.transition(orderNo, {
      from: ['pending'],
      to: change.to,
      at,
      failureReason: change.reason,
    });
    if (!moved) {
      const current = await tx.orders.get(orderNo);
      return current ? { order: current, outcome: 'unchanged' as const } : null;
    }
    for (const item of moved.items) {
      const enrollment = await tx.enrollments.get(item.residentId, item.coverageYear);
      if (enrollment?.status === 'registered' && enrollment.orderNo === orderNo) {
        await tx.enrollments.update(item.residentId, item.coverageYear, 'registered', { orderNo: null, updatedAt: at });
      }
    }
    return { order: moved, outcome: 'failed' as const };
  });
}

/** Gives back the order's account debit, if one was made. */
async function reverseAnyDebit(deps: OrderingDeps, orderNo: string): Promise<void> {
  try {
    await deps.payments.employeeAccount.reverse(orderNo);
  } catch (error) {
    if (!(error instanceof PaymentError && error.code === 'DEBIT_NOT_FOUND')) throw error;
  }
}

/** 家庭共济: debits the holder's account once per order number, then settles the order. */
export async function debitAndSettle(deps: OrderingDeps, order: Order): Promise<Envelope<Settled>> {
  const beneficiaries: EmployeeAccountDebitInput['beneficiaries'][number][] = [];
  for (const item of order.items) {
    const binding = await deps.storage.familyBindings.findByOwnerAndResident(order.payerOpenid, item.residentId);
    if (binding?.status !== 'confirmed' || !isCloseRelative(binding.relationship)) {
      const reason = '家人的授权已变更，不能再用个人账户为其代缴。';
      // An earlier attempt may have debited before it could settle: give that back before dropping the order.
      await reverseAnyDebit(deps, order.orderNo);
      await applyUnpaid(deps, order.orderNo, { to: 'failed', reason });
      return failure('NO_CONSENT', reason);
    }
    beneficiaries.push({ relationship: binding.relationship });
  }
  try {
    const debit = await deps.payments.employeeAccount.debit({
      holderOpenid: order.payerOpenid,
      orderNo: order.orderNo,
      amountFen: order.totalFen,
      beneficiaries,
    });
    if (debit.state === 'reversed') {
      const settled = await applyUnpaid(deps, order.orderNo, { to: 'failed', reason: '个人账户扣款已退回' });
      return success(settled ?? { order, outcome: 'unchanged' });
    }
    return applyPaid(deps, order.orderNo, {
      transactionId: debit.debitId,
      paidAt: debit.debitedAt,
      amountFen: debit.amountFen,
    });
  } catch (error) {
    if (!(error instanceof PaymentError)) throw error;
    if (error.code !== 'DEBIT_CONFLICT')
      await applyUnpaid(deps, order.orderNo, { to: 'failed', reason: error.message });
    return failure(error.code, error.message);
  }
}

async function settleFromGateway(
  deps: OrderingDeps,
  order: Order,
  status: PaymentStatus,
  depth: number,
): Promise<Order> {
  const now = deps.clock.now();
  switch (status.state) {
    case 'paid':
    case 'refunded': {
      const settled = await applyPaid(deps, order.orderNo, status);
      return settled.ok ? settled.data.order : order;
    }
    case 'failed':
      return (await applyUnpaid(deps, order.orderNo, { to: 'failed', reason: '支付未成功' }))?.order ?? order;
    case 'closed':
      return (await applyUnpaid(deps, order.orderNo, { to: 'failed', reason: '订单已关闭' }))?.order ?? order;
    case 'expired':
      return (await applyUnpaid(deps, order.orderNo, { to: 'expired', reason: EXPIRED_REASON }))?.order ?? order;
    case 'not_found':
      // The order never reached the gateway (it was down): nothing can have been paid on it.
      if (!isExpired(order, now)) return order;
      return (await applyUnpaid(deps, order.orderNo, { to: 'expired', reason: EXPIRED_REASON }))?.order ?? order;
    case 'pending': {
      if (!isExpired(order, now) || depth > 0) return order;
      // Our deadline passed but the gateway still takes payment: close it there first, so nobody pays an order we dropped.
      try {
        await deps.payments.gateway.closePayment(order.orderNo);
      } catch (error) {
        if (!(error instanceof PaymentError)) throw error;
        return settleFromGateway(deps, order, await deps.payments.gateway.queryPayment(order.orderNo), depth + 1);
      }
      return (await applyUnpaid(deps, order.orderNo, { to: 'expired', reason: EXPIRED_REASON }))?.order ?? order;
    }
  }
}

/**
 * Brings a pending order up to date with what really happened, for late or missing notifications:
 * asks the gateway (or settles the account debit) and applies the answer. Other states are final here.
 */
export async function reconcile(deps: OrderingDeps, order: Order): Promise<Order> {
  if (order.state !== 'pending') return order;
  if (order.source === 'employee-account') {
    if (!isExpired(order, deps.clock.now())) {
      const settled = await debitAndSettle(deps, order);
      return (await deps.storage.orders.get(order.orderNo)) ?? (settled.ok ? settled.data.order : order);
    }
    // Past the deadline: give back whatever a half-finished attempt may have taken, then drop the order.
    await reverseAnyDebit(deps, order.orderNo);
    return (await applyUnpaid(deps, order.orderNo, { to: 'expired', reason: EXPIRED_REASON }))?.order ?? order;
  }
  let status: PaymentStatus;
  try {
    status = await deps.payments.gateway.queryPayment(order.orderNo);
  } catch (error) {
    if (!(error instanceof PaymentError)) throw error;
    deps.log.warn('payment_query_failed', { orderNo: order.orderNo, code: error.code });
    return order;
  }
  return settleFromGateway(deps, order, status, 0);
}
