import { Text, View } from '@tarojs/components';
import { Heading } from './Heading';

/** Placeholder body for pages whose feature has not been built yet. */
export function ComingSoon({ title }: { title: string }) {
  return (
    <View className="page">
      <Heading level={1}>{title}</Heading>
      <View className="card muted">
        <Text>该功能正在建设中，敬请期待。</Text>
      </View>
    </View>
  );
}
