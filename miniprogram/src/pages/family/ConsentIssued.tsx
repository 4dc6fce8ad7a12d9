import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/ActionButton';
import { MaskedId } from '../../components/MaskedId';
import { relationshipLabel } from '../../lib/family-labels';
import { formatDateTimeCn } from '../../lib/format';
import type { BindResult } from './BindForm';
import { ShareConsentButton } from './share-link';

/**
 * The answer to a bind: for a relative aged 14+ the one-time code and the share card to pass on
 * (shown this once; the code is not stored on the phone), for a child under 14 that it is done.
 */
export function ConsentIssued({ result, onDone }: { result: BindResult; onDone: () => void }) {
  const { binding, consent } = result;
  const spokenCode = consent ? consent.code.split('').join(' ') : '';
  return (
    <View className="card consent-issued" role="status" aria-live="polite">
      <Text className="consent-who">
        {binding.name}（{relationshipLabel(binding.relationship)}） <MaskedId value={binding.idMasked} />
      </Text>
      <Text className="consent-message">{result.message}</Text>
      {consent ? (
        <View className="consent-code-box">
          <Text className="muted">授权码</Text>
          <Text className="consent-code" aria-label={`授权码 ${spokenCode}`}>
            {consent.code}
          </Text>
          <Text className="muted">有效期至 {formatDateTimeCn(consent.expiresAt)}，仅显示这一次</Text>
          <ShareConsentButton token={consent.shareToken} />
        </View>
      ) : null}
      <ActionButton kind="primary" onClick={onDone}>
        完成
      </ActionButton>
    </View>
  );
}
