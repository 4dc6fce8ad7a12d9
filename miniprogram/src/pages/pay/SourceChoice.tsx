import { Text, View } from '@tarojs/components';
import type { PaySource } from '../../../../shared/contracts/pay';
import { ActionButton } from '../../components/ActionButton';
import { paySourceLabel } from '../../lib/order-labels';

/** Whether the backend allows a way of paying for these people today, and why not. */
export type SourceOption = { source: PaySource; allowed: true } | { source: PaySource; allowed: false; reason: string };

/**
 * 微信支付 or 职工医保个人账户（家庭共济）. An option the backend refused stays visible, greyed, with its
 * reason, so the payer knows why they cannot use their account.
 */
export function SourceChoice({
  options,
  chosen,
  onChoose,
}: {
  options: readonly SourceOption[];
  chosen: PaySource;
  onChoose: (source: PaySource) => void;
}) {
  return (
    <View className="source-choice" role="group" aria-label="缴费方式">
      {options.map((option) => (
        <View key={option.source} className="source-option">
          <ActionButton
            kind="secondary"
            className="pick"
            pressed={option.allowed && chosen === option.source}
            disabled={!option.allowed}
            onClick={() => onChoose(option.source)}
          >
            {option.allowed && chosen === option.source ? '✓ ' : ''}
            {paySourceLabel(option.source)}
          </ActionButton>
          {option.allowed ? null : <Text className="muted source-reason">暂不可用：{option.reason}</Text>}
        </View>
      ))}
    </View>
  );
}
