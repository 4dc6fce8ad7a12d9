import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** One "label: value" line of a summary card (标准、补助、应缴、待遇开始…), wrapping on narrow screens. */
export function InfoRow({ label, children, strong = false }: { label: string; children: ReactNode; strong?: boolean }) {
  return (
    <View className={`info-row${strong ? ' info-row-strong' : ''}`}>
      <Text className="info-label muted">{label}</Text>
      <Text className="info-value">{children}</Text>
    </View>
  );
}
