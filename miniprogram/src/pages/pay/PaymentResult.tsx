import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderView } from '../../../../shared/contracts/pay';
import { ActionButton } from '../../components/ActionButton';
import { Heading } from '../../components/Heading';
import { InfoRow } from '../../components/InfoRow';
import { MaskedId } from '../../components/MaskedId';
import { formatDateCn, formatDateTimeCn, formatYuan } from '../../lib/format';
import { orderStateLabel, paySourceLabel } from '../../lib/order-labels';
import { pollUntilSettled, type PollOutcome } from '../../lib/payment-status';
import { call } from '../../services/api';
import { receiptPath } from '../orders/receipt-path';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Asks `pay.status` until the order is settled; `round` restarts it (the 刷新 button). */
function useSettledOrder(orderNo: string, initial: OrderView | null) {
  const [outcome, setOutcome] = useState<PollOutcome<OrderView> | null>(
    initial && initial.state !== 'pending' ? { kind: 'settled', order: initial } : null,
  );
  const [round, setRound] = useState(0);
  const settledFirst = useRef(outcome !== null);

  useEffect(() => {
    if (settledFirst.current) return;
    let gone = false;
    setOutcome(null);
    pollUntilSettled<OrderView>(
      async () => {
        const reply = await call('pay', { action: 'status', orderNo });
        if (!reply.ok) return { ok: false, message: reply.error.message };
        return reply.data.action === 'status'
          ? { ok: true, order: reply.data.order }
          : { ok: false, message: '查询结果无法识别' };
      },
      { sleep, stopped: () => gone },
    ).then((result) => {
      if (!gone) setOutcome(result);
    });
    return () => {
      gone = true;
    };
  }, [orderNo, round]);

  const again = useCallback(() => {
    settledFirst.current = false;
    setRound((n) => n + 1);
  }, []);
  return { outcome, again };
}

const startOver = () => Taro.redirectTo({ url: '/pages/pay/index' });
const home = () => Taro.switchTab({ url: '/pages/index/index' });

/** Step 4: the payment's outcome, with the receipt once paid. */
export function PaymentResult({ orderNo, initial }: { orderNo: string; initial: OrderView | null }) {
  const { outcome, again } = useSettledOrder(orderNo, initial);

  if (outcome === null) {
    return (
      <View className="card state" role="status" aria-live="polite">
        <Text>正在确认支付结果，请稍候…</Text>
      </View>
    );
  }
  if (outcome.kind === 'unknown') {
    return (
      <View className="card state" role="alert">
        <Text className="state-error">{outcome.message}</Text>
        <ActionButton kind="primary" onClick={again}>
          重新查询
        </ActionButton>
      </View>
    );
  }
  const { order } = outcome;
  if (outcome.kind === 'pending') {
    return (
      <View className="card" role="status">
        <Heading level={2}>暂未收到支付结果</Heading>
        <Text className="muted">
          如果您已付款，结果可能稍后到达，请刷新查看；未付款的订单在 {formatDateTimeCn(order.expiresAt)}{' '}
          后自动失效，不会扣款。
        </Text>
        <ActionButton kind="primary" onClick={again}>
          刷新支付结果
        </ActionButton>
        <ActionButton kind="secondary" onClick={() => Taro.navigateTo({ url: receiptPath(order.orderNo) })}>
          查看订单
        </ActionButton>
      </View>
    );
  }
  if (order.state !== 'paid') {
    return (
      <View className="card result result-bad" role="alert">
        <Heading level={2}>
          {order.state === 'expired' ? '订单已过期，未扣款' : `缴费未成功（${orderStateLabel(order.state)}）`}
        </Heading>
        {order.failureReason ? <Text className="muted">{order.failureReason}</Text> : null}
        <ActionButton kind="primary" onClick={startOver}>
          重新缴费
        </ActionButton>
        <ActionButton kind="secondary" onClick={home}>
          返回首页
        </ActionButton>
      </View>
    );
  }
  return (
    <View className="result result-good">
      <View className="card" role="status">
        <Heading level={2}>缴费成功</Heading>
        <Text className="big-number">{formatYuan(order.total)}</Text>
        <InfoRow label="缴费方式">{paySourceLabel(order.source)}</InfoRow>
        {order.paidAt ? <InfoRow label="支付时间">{formatDateTimeCn(order.paidAt)}</InfoRow> : null}
        <InfoRow label="订单号">{order.orderNo}</InfoRow>
      </View>
      {order.items.map((item) => (
        <View key={`${item.idMasked}-${item.coverageYear}`} className="card paid-person">
          <Text className="confirm-person-name">
            {item.name} <MaskedId value={item.idMasked} />
          </Text>
          <InfoRow label={`${item.coverageYear}年度`}>{formatYuan(item.amount)}</InfoRow>
          {item.cover ? (
            <InfoRow label="待遇享受期">
              {item.cover.start
                ? `${formatDateCn(item.cover.start)}起至${formatDateCn(item.cover.end)}`
                : '本年度不能享受待遇'}
            </InfoRow>
          ) : null}
        </View>
      ))}
      <ActionButton kind="primary" onClick={() => Taro.navigateTo({ url: receiptPath(order.orderNo) })}>
        查看缴费凭证
      </ActionButton>
      <ActionButton kind="secondary" onClick={home}>
        返回首页
      </ActionButton>
    </View>
  );
}
