/** Orders as the payer sees them: full details of themselves and consenting relatives, only amounts for anyone else. */
import type { z } from 'zod';
import type { orderSummary, ReceiptView } from '../../../shared/contracts/orders';
import type { OrderView, quotedPerson } from '../../../shared/contracts/pay';
import { getPolicy, toQuoteOutput, toYuan } from '../../../shared/rules';
import type { Storage } from '../storage/port';
import type { Order, Resident } from '../storage/records';
import { displayName, payerCircle, standingWith, type PayerCircle } from './payees';
import { personWarnings, type PlannedItem } from './plan';

export function quotedPersonView(item: PlannedItem): z.infer<typeof quotedPerson> {
  const { payee, policy, decision } = item;
  const quote = toQuoteOutput(decision);
  return {
    name: displayName(payee.resident, payee.consented),
    idMasked: payee.resident.idMasked,
    relationship: payee.relationship,
    policyId: policy.id,
    policyName: policy.name,
    coverageYear: policy.coverageYear,
    amountDue: quote.amountDue,
    warnings: personWarnings(item),
    details: payee.consented
      ? {
          standardAmount: quote.standardAmount,
          subsidyAmount: quote.subsidyAmount,
          coverageStart: quote.coverageStart,
          coverageEnd: quote.coverageEnd,
          waitingPeriod: quote.waitingPeriod,
          explanation: quote.explanation,
        }
      : null,
  };
}

const UNKNOWN = '—';

async function residentsOf(storage: Storage, orders: readonly Order[]): Promise<Map<string, Resident>> {
  const ids = [...new Set(orders.flatMap((o) => o.items.map((i) => i.residentId)))];
  return new Map((await storage.residents.getMany(ids)).map((r) => [r.id, r]));
}

async function view(
  storage: Storage,
  circle: PayerCircle,
  order: Order,
  residents: Map<string, Resident>,
): Promise<OrderView> {
  const items: OrderView['items'] = [];
  for (const item of order.items) {
    const resident = residents.get(item.residentId);
    const standing = resident ? standingWith(circle, resident) : null;
    let cover: OrderView['items'][number]['cover'] = null;
    if (order.state === 'paid' && standing?.consented) {
      const enrollment = await storage.enrollments.get(item.residentId, item.coverageYear);
      if (enrollment?.status === 'paid' && enrollment.orderNo === order.orderNo) {
        cover = { start: enrollment.coverageStart, end: enrollment.coverageEnd };
      }
    }
    items.push({
      name: resident && standing ? displayName(resident, standing.consented) : UNKNOWN,
      idMasked: resident?.idMasked ?? UNKNOWN,
      relationship: standing?.relationship ?? null,
      policyId: item.policyId,
      policyName: getPolicy(item.policyId)?.name ?? item.policyId,
      coverageYear: item.coverageYear,
      amount: toYuan(item.amountFen),
      cover,
    });
  }
  const policyIds = [...new Set(order.items.map((i) => i.policyId))];
  return {
    orderNo: order.orderNo,
    state: order.state,
    source: order.source,
    total: toYuan(order.totalFen),
    createdAt: order.createdAt,
    expiresAt: order.expiresAt,
    paidAt: order.paidAt,
    transactionId: order.transactionId,
    failureReason: order.failureReason,
    items,
    basis: policyIds.flatMap((id) => {
      const policy = getPolicy(id);
      return policy ? [{ policyId: id, policyName: policy.name, source: policy.contribution.personal.source }] : [];
    }),
  };
}

export async function orderView(deps: { storage: Storage }, payer: string, order: Order): Promise<OrderView> {
  const circle = await payerCircle(deps.storage, payer);
  return view(deps.storage, circle, order, await residentsOf(deps.storage, [order]));
}

export async function receiptView(deps: { storage: Storage }, payer: string, order: Order): Promise<ReceiptView> {
  const circle = await payerCircle(deps.storage, payer);
  const base = await view(deps.storage, circle, order, await residentsOf(deps.storage, [order]));
  return { ...base, payer: { name: circle.me?.name ?? null, idMasked: circle.me?.idMasked ?? null } };
}

export async function orderSummaries(
  deps: { storage: Storage },
  payer: string,
  orders: readonly Order[],
): Promise<Array<z.infer<typeof orderSummary>>> {
  const circle = await payerCircle(deps.storage, payer);
  const residents = await residentsOf(deps.storage, orders);
  return orders.map((order) => ({
    orderNo: order.orderNo,
    state: order.state,
    source: order.source,
    total: toYuan(order.totalFen),
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    names: order.items.map((item) => {
      const resident = residents.get(item.residentId);
      return resident ? displayName(resident, standingWith(circle, resident).consented) : UNKNOWN;
    }),
  }));
}
