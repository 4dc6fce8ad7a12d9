import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PaySource } from '../../../../shared/contracts/pay';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmPanel } from '../../components/ConfirmPanel';
import { Heading } from '../../components/Heading';
import { InfoRow } from '../../components/InfoRow';
import { MaskedId } from '../../components/MaskedId';
import { Warnings } from '../../components/Warnings';
import { formatDateCn, formatYuan } from '../../lib/format';
import { paySourceLabel } from '../../lib/order-labels';
import { payTotals } from '../../lib/pay-totals';
import type { QuotedPerson } from './QuotedPersonCard';

type Props = {
  people: readonly QuotedPerson[];
  source: PaySource;
  warnings: readonly string[];
  paying: boolean;
  /** The last attempt's problem; paying again sends the same request key, so nothing is charged twice. */
  error: string | null;
  onPay: () => void;
  onBack: () => void;
  /** An order left unpaid on the sheet can be cancelled here. */
  onCancelOrder?: () => void;
};

/** Step 3: the totals, the warnings, and the one button that charges. */
export function ConfirmStep({ people, source, warnings, paying, error, onPay, onBack, onCancelOrder }: Props) {
  const [askingCancel, setAskingCancel] = useState(false);
  const totals = payTotals(people);
  const payLabel = `${error ? '重新支付' : '确认支付'} ${formatYuan(totals.due)}`;
  return (
    <View className="confirm">
      <Heading level={2}>请核对后支付</Heading>
      <View className="card confirm-people">
        {people.map((person) => (
          <View key={`${person.idMasked}-${person.coverageYear}`} className="confirm-person">
            <Text className="confirm-person-name">
              {person.name} <MaskedId value={person.idMasked} />
            </Text>
            <Text className="muted">
              {person.coverageYear}年度 · 应缴 {formatYuan(person.amountDue)}
              {person.details
                ? ` · ${person.details.coverageStart ? `${formatDateCn(person.details.coverageStart)}起享受待遇` : '本年度不能享受待遇'}`
                : ''}
            </Text>
          </View>
        ))}
      </View>
      <View className="card totals" aria-label="缴费合计">
        {totals.standard !== null ? <InfoRow label="缴费标准合计">{formatYuan(totals.standard)}</InfoRow> : null}
        {totals.subsidy !== null ? (
          <InfoRow label="资助减免合计">
            {totals.subsidy > 0 ? `-${formatYuan(totals.subsidy)}` : formatYuan(0)}
          </InfoRow>
        ) : null}
        <InfoRow label="缴费方式">{paySourceLabel(source)}</InfoRow>
        <InfoRow label={`应付合计（${people.length}人）`} strong>
          {formatYuan(totals.due)}
        </InfoRow>
      </View>
      <Warnings items={warnings} />
      {error ? (
        <View className="form-error" role="alert">
          <Text>{error}</Text>
        </View>
      ) : null}
      <ActionButton kind="primary" loading={paying} onClick={onPay}>
        {payLabel}
      </ActionButton>
      {onCancelOrder && askingCancel ? (
        <ConfirmPanel
          title="取消订单"
          message="确定取消这笔未支付的订单吗？取消后不会扣款，需要时可重新下单。"
          confirmText="确定取消"
          busy={paying}
          onConfirm={onCancelOrder}
          onCancel={() => setAskingCancel(false)}
        />
      ) : null}
      <View className="choice-row step-actions">
        <ActionButton kind="secondary" disabled={paying} onClick={onBack}>
          返回修改
        </ActionButton>
        {onCancelOrder && !askingCancel ? (
          <ActionButton kind="secondary" disabled={paying} onClick={() => setAskingCancel(true)}>
            取消订单
          </ActionButton>
        ) : null}
      </View>
    </View>
  );
}
