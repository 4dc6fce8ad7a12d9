import { Text, View } from '@tarojs/components';
import { input as familyInput } from '../../../../shared/contracts/family';
import { ActionButton } from '../../components/ActionButton';
import { checkForm } from '../../lib/form';
import { useAction } from '../../services/use-action';

/** Opened from a relative's share card (or copied link): one tap to agree, no code to type. */
export function ConfirmFromCard({ token, onConfirmed }: { token: string; onConfirmed: (message: string) => void }) {
  const confirm = useAction('family');
  const checked = checkForm(familyInput, { action: 'confirm', token });

  const agree = async () => {
    if (!checked.ok) return;
    const reply = await confirm.run(checked.data);
    if (reply?.ok && reply.data.action === 'confirm') onConfirmed(reply.data.message);
  };

  if (confirm.state.status === 'done') return null;
  return (
    <View className="card card-highlight from-card" aria-label="家人邀请您确认绑定">
      <Text className="request-title">您的家人邀请您确认绑定</Text>
      <Text className="muted">同意后，对方可以为您缴费，并查看您的参保缴费和待遇情况；您可以随时在本页撤回授权。</Text>
      {!checked.ok ? (
        <View className="form-error" role="alert">
          <Text>{Object.values(checked.errors)[0]}</Text>
        </View>
      ) : null}
      {confirm.state.status === 'error' ? (
        <View className="form-error" role="alert">
          <Text>{confirm.state.message}</Text>
        </View>
      ) : null}
      <ActionButton kind="primary" disabled={!checked.ok} loading={confirm.state.status === 'running'} onClick={agree}>
        同意绑定
      </ActionButton>
    </View>
  );
}
