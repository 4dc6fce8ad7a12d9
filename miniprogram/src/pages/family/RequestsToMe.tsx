import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { input as familyInput, type BindingRequestView } from '../../../../shared/contracts/family';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmPanel } from '../../components/ConfirmPanel';
import { MaskedId } from '../../components/MaskedId';
import { TextField } from '../../components/Field';
import { requestRelationshipText, requestStatusText } from '../../lib/family-labels';
import { checkForm } from '../../lib/form';
import { formatDateTimeCn } from '../../lib/format';
import { useAction } from '../../services/use-action';

type Props = {
  requests: readonly BindingRequestView[];
  onChanged: (message: string) => void;
  /** The binding being withdrawn right now, if any. */
  withdrawing: string | null;
  onWithdraw: (bindingId: string) => void;
};

/** 待我确认: bindings someone asked of me. I confirm with the code they passed on, or withdraw later. */
export function RequestsToMe({ requests, onChanged, withdrawing, onWithdraw }: Props) {
  const [asking, setAsking] = useState<string | null>(null);
  if (requests.length === 0) {
    return (
      <View className="card muted empty-note">
        <Text>暂无需要您确认的家人绑定请求。</Text>
      </View>
    );
  }
  return (
    <View className="request-list">
      {requests.map((request) => (
        <View key={request.bindingId} className="card request" aria-label={requestRelationshipText(request)}>
          <Text className="request-title">{requestRelationshipText(request)}</Text>
          {request.requesterIdMasked ? (
            <Text className="muted">
              对方身份证号码 <MaskedId value={request.requesterIdMasked} />
            </Text>
          ) : null}
          <Text className={`status status-${request.status}`}>{requestStatusText(request.status)}</Text>
          {request.status === 'pending' ? (
            <ConfirmWithCode
              bindingId={request.bindingId}
              expiresAt={request.consentExpiresAt}
              onConfirmed={onChanged}
            />
          ) : null}
          {request.status === 'expired' ? (
            <Text className="muted">授权码已过期，如需绑定请让对方重新发起。</Text>
          ) : null}
          {request.status === 'confirmed' && asking === request.bindingId ? (
            <ConfirmPanel
              title="撤回授权"
              message={`撤回后，${request.requesterName}将不能再查看您的参保缴费和待遇情况。确定撤回吗？`}
              confirmText="确定撤回"
              busy={withdrawing === request.bindingId}
              onConfirm={() => onWithdraw(request.bindingId)}
              onCancel={() => setAsking(null)}
            />
          ) : null}
          {request.status === 'confirmed' && asking !== request.bindingId ? (
            <ActionButton
              kind="secondary"
              onClick={() => setAsking(request.bindingId)}
              ariaLabel={`撤回对${request.requesterName}的授权`}
            >
              撤回授权
            </ActionButton>
          ) : null}
        </View>
      ))}
    </View>
  );
}

type ConfirmProps = { bindingId: string; expiresAt: string | null; onConfirmed: (message: string) => void };

function ConfirmWithCode({ bindingId, expiresAt, onConfirmed }: ConfirmProps) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const confirm = useAction('family');

  const submit = async () => {
    const checked = checkForm(familyInput, { action: 'confirm', code });
    if (!checked.ok) {
      setError(checked.errors.code ?? Object.values(checked.errors)[0]);
      return;
    }
    setError(undefined);
    const reply = await confirm.run(checked.data);
    if (reply?.ok && reply.data.action === 'confirm') {
      setCode('');
      onConfirmed(reply.data.message);
    }
  };

  return (
    <View className="confirm-code">
      {expiresAt ? <Text className="muted">请在 {formatDateTimeCn(expiresAt)} 前确认</Text> : null}
      <TextField
        label="对方告诉您的6位授权码"
        name={`consent-code-${bindingId}`}
        type="number"
        maxlength={6}
        value={code}
        onInput={setCode}
        error={error ?? (confirm.state.status === 'error' ? confirm.state.message : undefined)}
      />
      <ActionButton kind="primary" loading={confirm.state.status === 'running'} onClick={submit}>
        同意绑定
      </ActionButton>
    </View>
  );
}
