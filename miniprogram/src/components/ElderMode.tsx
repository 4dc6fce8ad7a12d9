import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import { createStore } from '../lib/store';
import { ActionButton } from './ActionButton';

/** Taro storage key: wx storage in the mini-program, localStorage in H5. */
export const ELDER_MODE_KEY = 'elderMode';

function readSaved(): boolean {
  try {
    return Taro.getStorageSync(ELDER_MODE_KEY) === true;
  } catch {
    return false;
  }
}

const elderStore = createStore<boolean>(readSaved());

export function setElderMode(on: boolean): void {
  elderStore.set(on);
  try {
    Taro.setStorageSync(ELDER_MODE_KEY, on);
  } catch {
    // Storage full or unavailable: the mode still holds for this visit.
  }
}

/** Elder-friendly mode (大字模式): larger type and controls on every page, remembered on this phone. */
export function useElderMode(): { elder: boolean; setElder: (on: boolean) => void; toggle: () => void } {
  const elder = useSyncExternalStore(elderStore.subscribe, elderStore.get, elderStore.get);
  return { elder, setElder: setElderMode, toggle: () => setElderMode(!elder) };
}

/** The 大字 switch: in every page header, and larger on 首页. */
export function ElderToggle({ prominent = false }: { prominent?: boolean }) {
  const { elder, toggle } = useElderMode();
  return (
    <ActionButton
      kind={prominent ? 'secondary' : 'chip'}
      className={`elder-toggle${elder ? ' elder-toggle-on' : ''}`}
      onClick={toggle}
      pressed={elder}
      ariaLabel={elder ? '大字模式已开启，点按关闭' : '大字模式已关闭，点按开启'}
    >
      {prominent ? (elder ? '大字模式：已开启' : '大字模式：已关闭') : elder ? '大字 开' : '大字'}
    </ActionButton>
  );
}
