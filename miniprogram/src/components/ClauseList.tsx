import { Text, View } from '@tarojs/components';
import { Heading } from './Heading';

export type Clause = { text: string; source: { document: string; clause: string } };

/**
 * "Why": each sentence of an answer with the document and clause that decided it, e.g.
 * 尤政办〔2023〕35号 四（三）. Every rules answer carries them (`explanation`).
 */
export function ClauseList({ items, title = '政策依据' }: { items: readonly Clause[]; title?: string }) {
  if (items.length === 0) return null;
  return (
    <View className="clauses" aria-label={title}>
      <Heading level={2}>{title}</Heading>
      {items.map((item, i) => (
        <View key={`${item.source.document}-${item.source.clause}-${i}`} className="clause">
          <Text className="clause-text">{item.text}</Text>
          <Text className="clause-source muted">
            依据：{item.source.document}
            {item.source.clause ? ` ${item.source.clause}` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}
