import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Reloads when the page is shown again (back from another page, or its tab chosen), not on the first
 * show: `useCall` already loads on mount. Tab pages stay mounted, so without this they go stale.
 */
export function useRefreshOnShow(refresh: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) refresh();
    shown.current = true;
  });
}
