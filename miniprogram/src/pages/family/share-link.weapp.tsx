import { Button } from '@tarojs/components';

/**
 * WeChat's own share sheet. The token rides on the button (`data-token`); the page's
 * `useShareAppMessage` reads it from the tapping button and builds the card that opens this page.
 */
export function ShareConsentButton({ token }: { token: string }) {
  return (
    <Button
      className="action action-secondary"
      openType="share"
      data-token={token}
      ariaLabel="把授权卡片分享给这位家人"
    >
      分享卡片给家人
    </Button>
  );
}
