import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { BindingView } from '../../../../shared/contracts/family';
import { ActionButton } from '../../components/ActionButton';
import { CallStateView } from '../../components/CallStateView';
import { Heading } from '../../components/Heading';
import { MaskedId } from '../../components/MaskedId';
import { confirmedBindings, relationshipLabel } from '../../lib/family-labels';
import {
  addOther,
  removeOther,
  selectionSize,
  toggleBinding,
  toggleSelf,
  type PaySelection,
} from '../../lib/pay-selection';
import type { CallState } from '../../services/use-call';
import { AddOtherForm } from './AddOtherForm';

type Props = {
  family: { state: CallState<{ mine: BindingView[] }>; retry: () => void };
  selection: PaySelection;
  onChange: (selection: PaySelection) => void;
  today: string | null;
};

/** Step 1: whom to pay for — me, relatives who confirmed a binding, anyone by name + ID number. */
export function ChoosePeople({ family, selection, onChange, today }: Props) {
  const [adding, setAdding] = useState(false);
  return (
    <View className="choose">
      <Heading level={2}>为谁缴费</Heading>
      <Text className="muted form-note">
        可多选，一次付款为所有人缴纳 {selectionSize(selection) > 0 ? `（已选 ${selectionSize(selection)} 人）` : ''}
      </Text>
      <View className="pick-list">
        <ActionButton
          kind="secondary"
          className="pick"
          pressed={selection.self}
          onClick={() => onChange(toggleSelf(selection))}
        >
          {selection.self ? '✓ ' : ''}本人
        </ActionButton>
        <CallStateView state={family.state} retry={family.retry}>
          {(data) =>
            confirmedBindings(data.mine).map((binding) => {
              const chosen = selection.bindingIds.includes(binding.bindingId);
              return (
                <ActionButton
                  key={binding.bindingId}
                  kind="secondary"
                  className="pick"
                  pressed={chosen}
                  onClick={() => onChange(toggleBinding(selection, binding.bindingId))}
                  ariaLabel={`${binding.name}，${relationshipLabel(binding.relationship)}${chosen ? '，已选' : ''}`}
                >
                  {chosen ? '✓ ' : ''}
                  {binding.name}（{relationshipLabel(binding.relationship)}） <MaskedId value={binding.idMasked} />
                </ActionButton>
              );
            })
          }
        </CallStateView>
        {selection.others.map((other) => (
          <View key={other.key} className="card other-row">
            <Text>
              ✓ {other.name} <MaskedId value={other.idNumber} />
            </Text>
            <ActionButton
              kind="chip"
              onClick={() => onChange(removeOther(selection, other.key))}
              ariaLabel={`把${other.name}移出缴费名单`}
            >
              移除
            </ActionButton>
          </View>
        ))}
      </View>
      {adding ? (
        <AddOtherForm
          today={today}
          onAdd={(other) => {
            onChange(addOther(selection, other));
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <ActionButton kind="secondary" onClick={() => setAdding(true)}>
          + 为其他人缴费（填写姓名和身份证号码）
        </ActionButton>
      )}
      <Text className="muted form-note">
        要为家人缴费并查看TA的待遇，请先在“家人”页绑定；年满14周岁的家人需本人确认。
      </Text>
    </View>
  );
}
