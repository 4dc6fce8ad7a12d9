import { Text, View } from '@tarojs/components';
import { ActionButton } from './ActionButton';
import './ConfirmPanel.css';

type Props = {
  title: string;
  message: string;
  confirmText: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
};

/**
 * "Are you sure?" inside the page, next to what it is about: read out as a dialog, sized by elder
 * mode like the rest of the page, and reachable by keyboard (Taro's H5 modal is none of these).
 */
export function ConfirmPanel({ title, message, confirmText, onConfirm, onCancel, busy = false }: Props) {
  return (
    <View className="confirm-panel" role="alertdialog" aria-label={title}>
      <Text className="confirm-panel-title">{title}</Text>
      <Text className="confirm-panel-message">{message}</Text>
      <View className="choice-row">
        <ActionButton kind="primary" loading={busy} onClick={onConfirm}>
          {confirmText}
        </ActionButton>
        <ActionButton kind="secondary" disabled={busy} onClick={onCancel}>
          取消
        </ActionButton>
      </View>
    </View>
  );
}
