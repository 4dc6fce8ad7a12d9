import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { DevBar } from './DevBar';
import { ElderToggle, useElderMode } from './ElderMode';

type Props = {
  children: ReactNode;
  /** 首页 shows a larger switch of its own in the page body. */
  elderToggle?: boolean;
  className?: string;
};

/**
 * The root of every page: carries the `elder` class (大字模式) that app.css scales from, and the
 * header with the 大字 switch and, in the local H5 demo, the demo date and dev login.
 */
export function PageRoot({ children, elderToggle = true, className }: Props) {
  const { elder } = useElderMode();
  return (
    <View className={`page${elder ? ' elder' : ''}${className ? ` ${className}` : ''}`}>
      <View className="page-top">
        <DevBar />
        {elderToggle ? <ElderToggle /> : null}
      </View>
      {children}
    </View>
  );
}
