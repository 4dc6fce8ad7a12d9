import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/ActionButton';
import { CallStateView } from '../../components/CallStateView';
import { Heading } from '../../components/Heading';
import { PageRoot } from '../../components/PageRoot';
import { confirmedBindings } from '../../lib/family-labels';
import { useAction } from '../../services/use-action';
import { useCall } from '../../services/use-call';
import { useRefreshOnShow } from '../../services/use-refresh-on-show';
import { useToday } from '../../services/use-meta';
import { BindForm, type BindResult } from './BindForm';
import { ConfirmFromCard } from './ConfirmFromCard';
import { ConsentIssued } from './ConsentIssued';
import { consentPath, shareTokenOf } from './consent-path';
import { MyRelatives } from './MyRelatives';
import { RequestsToMe } from './RequestsToMe';
import './index.css';

/** 家人: bind a relative, confirm a binding someone asked of me, see and end bindings. */
export default function Family() {
  const today = useToday();
  const token = useRouter().params.token;
  const { state, retry } = useCall('family', { action: 'list' });
  const [issued, setIssued] = useState<BindResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const unbind = useAction('family');
  const [unbindingId, setUnbindingId] = useState<string | null>(null);
  useRefreshOnShow(retry);

  // WeChat's share card: only the 分享 button after a bind carries a consent token; the menu shares the app.
  useShareAppMessage((payload) => {
    const shareToken = payload.from === 'button' ? shareTokenOf(payload.target) : null;
    return shareToken
      ? { title: '家人邀请您确认医保家庭绑定', path: consentPath(shareToken) }
      : { title: '城乡居民医保', path: '/pages/index/index' };
  });

  const done = (message: string) => {
    setNotice(message);
    retry();
  };

  const endBinding = async (bindingId: string) => {
    setUnbindingId(bindingId);
    const reply = await unbind.run({ action: 'unbind', bindingId });
    if (reply?.ok && reply.data.action === 'unbind') done(reply.data.message);
  };
  const ending = unbind.state.status === 'running' ? unbindingId : null;

  return (
    <PageRoot>
      <Heading level={1}>家人</Heading>

      {notice ? (
        <View className="card notice" role="status">
          <Text>{notice}</Text>
        </View>
      ) : null}
      {unbind.state.status === 'error' ? (
        <View className="card" role="alert">
          <Text className="form-error">{unbind.state.message}</Text>
        </View>
      ) : null}

      {token ? <ConfirmFromCard token={decodeURIComponent(token)} onConfirmed={done} /> : null}

      <Heading level={2}>绑定家人</Heading>
      {issued ? (
        <ConsentIssued result={issued} onDone={() => setIssued(null)} />
      ) : (
        <BindForm
          today={today}
          onBound={(result) => {
            setNotice(null);
            setIssued(result);
            retry();
          }}
        />
      )}

      <CallStateView state={state} retry={retry}>
        {(data) =>
          data.action === 'list' ? (
            <>
              <Heading level={2}>家人授权（待我确认）</Heading>
              <RequestsToMe
                requests={data.askedOfMe}
                onChanged={done}
                withdrawing={ending}
                onWithdraw={(bindingId) => void endBinding(bindingId)}
              />

              <Heading level={2}>我的家人</Heading>
              <MyRelatives mine={data.mine} unbinding={ending} onUnbind={(bindingId) => void endBinding(bindingId)} />
              {confirmedBindings(data.mine).length > 0 ? (
                <ActionButton kind="secondary" onClick={() => Taro.navigateTo({ url: '/pages/pay/index' })}>
                  为家人缴费
                </ActionButton>
              ) : null}
            </>
          ) : null
        }
      </CallStateView>
    </PageRoot>
  );
}
