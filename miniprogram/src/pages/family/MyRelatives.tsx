import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { BindingView } from '../../../../shared/contracts/family';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmPanel } from '../../components/ConfirmPanel';
import { MaskedId } from '../../components/MaskedId';
import { bindingStatusText, relationshipLabel, visibleBindings } from '../../lib/family-labels';
import { formatDateTimeCn } from '../../lib/format';

type Props = {
  mine: readonly BindingView[];
  /** The binding being ended right now, if any. */
  unbinding: string | null;
  onUnbind: (bindingId: string) => void;
};

/** 我的家人: the relatives I bound, with where each binding stands, and 解除绑定 after a confirmation. */
export function MyRelatives({ mine, unbinding, onUnbind }: Props) {
  const [asking, setAsking] = useState<string | null>(null);
  const shown = visibleBindings(mine);
  if (shown.length === 0) {
    return (
      <View className="card muted empty-note">
        <Text>还没有绑定家人。绑定后可以为家人缴费、查看家人的参保和待遇情况。</Text>
      </View>
    );
  }
  return (
    <View className="relative-list">
      {shown.map((binding) => (
        <View
          key={binding.bindingId}
          className="card relative"
          aria-label={`${binding.name}，${relationshipLabel(binding.relationship)}`}
        >
          <View className="relative-head">
            <Text className="relative-name">{binding.name}</Text>
            <Text className="relative-relationship muted">{relationshipLabel(binding.relationship)}</Text>
          </View>
          <MaskedId value={binding.idMasked} />
          <Text className={`status status-${binding.status}`}>{bindingStatusText(binding)}</Text>
          {binding.status === 'pending' && binding.consentExpiresAt ? (
            <Text className="muted">
              请TA用自己的微信打开本小程序，在“家人”页输入授权码。授权码有效期至{' '}
              {formatDateTimeCn(binding.consentExpiresAt)}。
            </Text>
          ) : null}
          {binding.status === 'expired' ? (
            <Text className="muted">重新填写TA的信息绑定一次，即可获得新的授权码。</Text>
          ) : null}
          {asking === binding.bindingId ? (
            <ConfirmPanel
              title="解除绑定"
              message={`确定解除与${binding.name}的绑定吗？解除后不能再查看TA的待遇；如需再为TA缴费，可重新绑定或填写姓名和身份证号码。`}
              confirmText="确定解除"
              busy={unbinding === binding.bindingId}
              onConfirm={() => onUnbind(binding.bindingId)}
              onCancel={() => setAsking(null)}
            />
          ) : (
            <ActionButton
              kind="secondary"
              onClick={() => setAsking(binding.bindingId)}
              ariaLabel={`解除与${binding.name}的绑定`}
            >
              解除绑定
            </ActionButton>
          )}
        </View>
      ))}
    </View>
  );
}
