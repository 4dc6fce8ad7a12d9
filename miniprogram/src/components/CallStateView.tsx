import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { CallState } from '../services/use-call';
import { ActionButton } from './ActionButton';

interface Props<T> {
  state: CallState<T>;
  retry: () => void;
  /** Shown when the data is there but has nothing to list. */
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  children: (data: T) => ReactNode;
}

/** The loading, error and empty states every page shows the same way; `children` renders the data. */
export function CallStateView<T>({ state, retry, isEmpty, emptyText = '暂无内容', children }: Props<T>) {
  if (state.status === 'loading') {
    return (
      <View className="state muted" role="status" aria-live="polite">
        <Text>正在加载…</Text>
      </View>
    );
  }
  if (state.status === 'error') {
    return (
      <View className="state" role="alert">
        <Text className="state-error">{state.message}</Text>
        <ActionButton kind="secondary" onClick={retry}>
          重试
        </ActionButton>
      </View>
    );
  }
  if (isEmpty?.(state.data)) {
    return (
      <View className="state muted">
        <Text>{emptyText}</Text>
      </View>
    );
  }
  return <>{children(state.data)}</>;
}
