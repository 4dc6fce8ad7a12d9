/**
 * pay.preview and pay.create. An order claims each person's enrollment for the year inside the
 * transaction that creates it, so a person is in at most one live order: the same payer asking again
 * gets that order back, and nobody is charged twice for one person (duplicates are refused before they
 * happen, never refunded after). The client's idempotency key makes retries and double taps one order.
 */
import { randomBytes } from 'node:crypto';
import { failure, success, type Envelope } from '../../../shared/contracts/envelope';
import type { PayOutput, PaySource, PersonIn } from '../../../shared/contracts/pay';
import { toYuan } from '../../../shared/rules';
import { addDays } from '../../../shared/rules/civil-date';
import { shanghaiDateOf } from '../clock';
import type { PayParams } from '../../../shared/contracts/pay-params';
import { PaymentError } from '../payments/errors';
import type { Order } from '../storage/records';
import type { OrderingDeps } from './deps';
import { whoIs } from './payees';
import { planOrder, warningsFor, type Plan } from './plan';
import { debitAndSettle, isExpired, reconcile } from './settle';
import { orderView, quotedPersonView } from './views';

/** How long the payer has to pay: WeChat Pay's usual 30 minutes. */
export const ORDER_TTL_MS = 30 * 60 * 1000;
/** An order never outlives the day it was priced on, so what is charged is always the price of the pay date. */
const MIN_ORDER_LIFE_MS = 2 * 60 * 1000;

type Out<A extends PayOutput['action']> = Extract<PayOutput, { action: A }>;

function newOrderNo(today: string): string {
  return `P${today.replaceAll('-', '')}${randomBytes(10).toString('hex')}`;
}

function expiryFor(now: Date): Date | null {
  const nextMidnight = Date.parse(`${addDays(shanghaiDateOf(now), 1)}T00:00:00+08:00`);
  const expiry = Math.min(now.getTime() + ORDER_TTL_MS, nextMidnight);
  return expiry - now.getTime() < MIN_ORDER_LIFE_MS ? null : new Date(expiry);
}

function describe(order: Order): string {
  const years = [...new Set(order.items.map((i) => i.coverageYear))].join('、');
  return `城乡居民医保${years}年度个人缴费（${order.items.length}人）`;
}

/** 家庭共济 needs an account with enough in it; checked before an order exists, so a refusal leaves nothing behind. */
async function checkAccount(deps: OrderingDeps, payer: string, totalFen: number): Promise<Envelope<null>> {
  try {
    const { balanceFen } = await deps.payments.employeeAccount.getBalance(payer);
    if (balanceFen < totalFen) {
      return failure(
        'INSUFFICIENT_BALANCE',
        `职工医保个人账户余额不足：本次需 ${toYuan(totalFen)} 元，当前可用 ${toYuan(balanceFen)} 元。`,
      );
    }
    return success(null);
  } catch (error) {
    if (error instanceof PaymentError) return failure(error.code, error.message);
    throw error;
  }
}

export async function previewOrder(
  deps: OrderingDeps,
  payer: string,
  request: { people: readonly PersonIn[]; source: PaySource },
): Promise<Envelope<Out<'preview'>>> {
  const plan = await planOrder(deps, payer, request.people, request.source);
  if (!plan.ok) return plan;
  if (request.source === 'employee-account') {
    const account = await checkAccount(deps, payer, plan.data.totalFen);
    if (!account.ok) return account;
  }
  return success({
    action: 'preview',
    source: request.source,
    people: plan.data.items.map(quotedPersonView),
    total: toYuan(plan.data.totalFen),
    warnings: plan.data.items.flatMap(warningsFor),
  });
}

type Claimed =
  | { kind: 'created'; order: Order }
  | { kind: 'existing'; order: Order }
  | { kind: 'refused'; refusal: Envelope<never> };

function refuse(code: string, message: string): Claimed {
  return { kind: 'refused', refusal: failure(code, message) };
}

function samePeople(order: Order, plan: Plan, source: PaySource): boolean {
  const ids = new Set(plan.items.map((i) => i.payee.resident.id));
  return order.source === source && order.items.length === ids.size && order.items.every((i) => ids.has(i.residentId));
}

/** One transaction: the order row, and each person's enrollment claimed for it (or the live order that already holds them). */
async function claimAndInsert(
  deps: OrderingDeps,
  payer: string,
  idempotencyKey: string,
  source: PaySource,
  plan: Plan,
  expiresAt: Date,
): Promise<Claimed> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const today = deps.clock.today();
  return deps.storage.transaction(async (tx): Promise<Claimed> => {
    const again = await tx.orders.findByIdempotencyKey(payer, idempotencyKey);
    if (again) return { kind: 'existing', order: again };

    const holders = new Map<string, Order>();
    const held: string[] = [];
    for (const item of plan.items) {
      const { resident } = item.payee;
      const enrollment = await tx.enrollments.get(resident.id, item.policy.coverageYear);
      if (enrollment?.status === 'paid') {
        return refuse('ALREADY_PAID', `${whoIs(item.payee)}：${item.policy.coverageYear}年度已缴费，无需重复缴费。`);
      }
      if (!enrollment?.orderNo) continue;
      const holder = await tx.orders.get(enrollment.orderNo);
      if (holder?.state !== 'pending') continue;
      if (isExpired(holder, now)) {
        return refuse('PAYMENT_BEING_CONFIRMED', `${whoIs(item.payee)}：上一笔订单的支付结果还在确认中，请稍后再试。`);
      }
      holders.set(holder.orderNo, holder);
      held.push(whoIs(item.payee));
    }
    if (holders.size > 0) {
      const [holder] = [...holders.values()];
      if (holders.size === 1 && holder && holder.payerOpenid === payer && samePeople(holder, plan, source)) {
        return { kind: 'existing', order: holder };
      }
      return refuse(
        'PERSON_IN_PENDING_ORDER',
        `${held.join('、')}已在一笔待支付的订单中，为避免重复扣款，请先完成或取消那笔订单（30分钟内未支付会自动失效）。`,
      );
    }

    const order: Order = {
      orderNo: newOrderNo(today),
      payerOpenid: payer,
      idempotencyKey,
      source,
      state: 'pending',
      items: plan.items.map((i) => ({
        residentId: i.payee.resident.id,
        policyId: i.policy.id,
        coverageYear: i.policy.coverageYear,
        amountFen: i.decision.due,
      })),
      totalFen: plan.totalFen,
      createdAt: at,
      updatedAt: at,
      expiresAt: expiresAt.toISOString(),
      paidAt: null,
      transactionId: null,
      failureReason: null,
    };
    await tx.orders.insert(order);
    for (const item of plan.items) {
      const { resident } = item.payee;
      const year = item.policy.coverageYear;
      if (await tx.enrollments.get(resident.id, year)) {
        const claimed = await tx.enrollments.update(resident.id, year, 'registered', {
          orderNo: order.orderNo,
          updatedAt: at,
        });
        if (!claimed) throw new Error(`enrollment of ${order.orderNo} item changed inside a transaction`);
      } else {
        // 默认续保: paid last year, so the order registers them for this year as it claims them.
        await tx.enrollments.insert({
          residentId: resident.id,
          policyId: item.policy.id,
          coverageYear: year,
          status: 'registered',
          registeredOn: today,
          registeredBy: payer,
          paidOn: null,
          coverageStart: null,
          coverageEnd: item.policy.coverage.end,
          orderNo: order.orderNo,
          updatedAt: at,
        });
      }
    }
    return { kind: 'created', order };
  });
}

/** Whatever state the order is in, the answer the payer needs next: pay params while it can be paid, else the outcome. */
async function continueOrder(
  deps: OrderingDeps,
  order: Order,
  reused: boolean,
  warnings: string[],
): Promise<Envelope<Out<'create'>>> {
  const answer = async (latest: Order, payParams: PayParams | null): Promise<Envelope<Out<'create'>>> =>
    success({
      action: 'create',
      order: await orderView(deps, latest.payerOpenid, latest),
      payParams,
      reused,
      warnings,
    });

  if (order.state !== 'pending') return answer(order, null);
  if (isExpired(order, deps.clock.now())) return answer(await reconcile(deps, order), null);

  if (order.source === 'employee-account') {
    const settled = await debitAndSettle(deps, order);
    if (!settled.ok) return settled;
    return answer(settled.data.order, null);
  }
  try {
    const created = await deps.payments.gateway.createPayment({
      orderNo: order.orderNo,
      amountFen: order.totalFen,
      description: describe(order),
      payerOpenid: order.payerOpenid,
      expiresAt: new Date(order.expiresAt),
    });
    return answer(order, created.payParams);
  } catch (error) {
    if (!(error instanceof PaymentError)) throw error;
    if (error.code === 'ORDER_ALREADY_PAID' || error.code === 'PAYMENT_EXPIRED' || error.code === 'ORDER_CLOSED') {
      return answer(await reconcile(deps, order), null);
    }
    deps.log.warn('create_payment_failed', { orderNo: order.orderNo, code: error.code });
    // The order stays pending: the same request key retries the gateway without a second order.
    return failure(error.code, error.message);
  }
}

export async function createOrder(
  deps: OrderingDeps,
  payer: string,
  request: { people: readonly PersonIn[]; source: PaySource; idempotencyKey: string },
): Promise<Envelope<Out<'create'>>> {
  const known = await deps.storage.orders.findByIdempotencyKey(payer, request.idempotencyKey);
  if (known) {
    if (known.source !== request.source || known.items.length !== request.people.length) {
      return failure('IDEMPOTENCY_KEY_REUSED', '这个请求编号已用于另一笔不同的缴费，请刷新页面后重新下单。');
    }
    return continueOrder(deps, known, true, []);
  }

  const plan = await planOrder(deps, payer, request.people, request.source);
  if (!plan.ok) return plan;
  if (request.source === 'employee-account') {
    const account = await checkAccount(deps, payer, plan.data.totalFen);
    if (!account.ok) return account;
  }
  const expiresAt = expiryFor(deps.clock.now());
  if (!expiresAt) {
    return failure('TOO_CLOSE_TO_MIDNIGHT', '临近零点，缴费金额和待遇将按新的一天计算，请在零点后重新下单。');
  }

  // A person held by an order whose deadline passed is freed only after the gateway confirms it was not paid.
  for (const item of plan.data.items) {
    const holderNo = item.enrollment?.orderNo;
    const holder = holderNo ? await deps.storage.orders.get(holderNo) : null;
    if (holder?.state === 'pending' && isExpired(holder, deps.clock.now())) await reconcile(deps, holder);
  }

  const claimed = await claimAndInsert(deps, payer, request.idempotencyKey, request.source, plan.data, expiresAt);
  if (claimed.kind === 'refused') return claimed.refusal;
  if (claimed.kind === 'created')
    deps.log.info('order_created', { orderNo: claimed.order.orderNo, people: claimed.order.items.length });
  return continueOrder(deps, claimed.order, claimed.kind === 'existing', plan.data.items.flatMap(warningsFor));
}
