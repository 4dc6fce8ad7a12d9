import { Text, View } from '@tarojs/components';

/**
 * Things the resident must know before acting (e.g. "本次缴费在本年度不能享受待遇"). Shown as a note,
 * not an alert: they belong to the content and are read in order with it.
 */
export function Warnings({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <View className="warnings" role="note" aria-label="请注意">
      {items.map((text, i) => (
        <View key={i} className="warning">
          <Text className="warning-mark" aria-hidden="true">
            !
          </Text>
          <Text className="warning-text">{text}</Text>
        </View>
      ))}
    </View>
  );
}
