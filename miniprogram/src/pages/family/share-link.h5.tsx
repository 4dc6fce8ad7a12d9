import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/ActionButton';
import { consentPath } from './consent-path';

/** The H5 demo has no share sheet: the same page link is copied for the relative to open. */
export function ShareConsentButton({ token }: { token: string }) {
  const copy = () => {
    const link = `${window.location.origin}${window.location.pathname}#${consentPath(token)}`;
    Taro.setClipboardData({ data: link }).catch(() =>
      Taro.showToast({ title: '复制失败，请把授权码告诉家人', icon: 'none' }),
    );
  };
  return (
    <ActionButton kind="secondary" onClick={copy} ariaLabel="复制授权链接，发给这位家人">
      复制授权链接
    </ActionButton>
  );
}
