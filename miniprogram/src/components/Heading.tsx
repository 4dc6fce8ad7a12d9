import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

/**
 * A page or section heading that screen readers announce as one (H5 reads `role`/`aria-level`).
 * The weapp templates do not carry aria attributes yet; see README "Accessibility".
 */
export function Heading({ level, children }: { level: 1 | 2; children: ReactNode }) {
  return (
    <View className={level === 1 ? 'page-title' : 'section-title'} role="heading" aria-level={level}>
      {children}
    </View>
  );
}
