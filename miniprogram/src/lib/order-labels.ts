import type { PaySource } from '../../../shared/contracts/pay';

type OrderState = 'pending' | 'paid' | 'failed' | 'expired' | 'refunded';

const STATE_LABELS: Readonly<Record<OrderState, string>> = {
  pending: '待支付',
  paid: '已支付',
  failed: '支付失败',
  expired: '已过期（未扣款）',
  refunded: '已退款',
};

export function orderStateLabel(state: OrderState): string {
  return STATE_LABELS[state];
}

const SOURCE_LABELS: Readonly<Record<PaySource, string>> = {
  wechat: '微信支付',
  'employee-account': '职工医保个人账户（家庭共济）',
};

export function paySourceLabel(source: PaySource): string {
  return SOURCE_LABELS[source];
}

/** Names on an order line, shortened for a narrow screen: "张建国、李* 等3人". */
export function namesSummary(names: readonly string[], shown = 3): string {
  if (names.length <= shown) return names.join('、');
  return `${names.slice(0, shown).join('、')} 等${names.length}人`;
}

/** Newest first by creation time (ISO timestamps sort as text), whatever order they arrived in. */
export function newestFirst<T extends { createdAt: string }>(orders: readonly T[]): T[] {
  return [...orders].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}
