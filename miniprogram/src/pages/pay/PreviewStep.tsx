import { Text, View } from '@tarojs/components';
import type { PaySource } from '../../../../shared/contracts/pay';
import { ActionButton } from '../../components/ActionButton';
import { Heading } from '../../components/Heading';
import { InfoRow } from '../../components/InfoRow';
import { formatYuan } from '../../lib/format';
import { QuotedPersonCard, type QuotedPerson } from './QuotedPersonCard';
import { SourceChoice, type SourceOption } from './SourceChoice';

type Props = {
  people: readonly QuotedPerson[];
  total: number;
  source: PaySource;
  options: readonly SourceOption[];
  onSource: (source: PaySource) => void;
  onNext: () => void;
  onBack: () => void;
};

/** Step 2: the breakdown per person, and how to pay; nothing is charged yet. */
export function PreviewStep({ people, total, source, options, onSource, onNext, onBack }: Props) {
  return (
    <View className="preview">
      <Heading level={2}>缴费明细</Heading>
      <Text className="muted form-note">以下金额和待遇日期按今天缴费计算，尚未扣款。</Text>
      {people.map((person) => (
        <QuotedPersonCard key={`${person.idMasked}-${person.coverageYear}`} person={person} />
      ))}
      <View className="card">
        <InfoRow label={`合计（${people.length}人）`} strong>
          {formatYuan(total)}
        </InfoRow>
      </View>
      <Heading level={2}>缴费方式</Heading>
      <SourceChoice options={options} chosen={source} onChoose={onSource} />
      <View className="choice-row step-actions">
        <ActionButton kind="primary" onClick={onNext}>
          下一步：核对并支付
        </ActionButton>
        <ActionButton kind="secondary" onClick={onBack}>
          返回修改
        </ActionButton>
      </View>
    </View>
  );
}
