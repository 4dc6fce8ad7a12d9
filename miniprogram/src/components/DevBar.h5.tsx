import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatDateCn } from '../lib/format';
import { getDevOpenid, setDevOpenid } from '../services/dev-identity';
import { useMeta } from '../services/use-meta';
import { ActionButton } from './ActionButton';

/**
 * The local demo's bar (H5 served by the local cloud only): the pinned date the cloud calculates
 * with, who you are signed in as, and a sheet to switch between the demo users — so a binding can be
 * asked from one account and confirmed from another.
 */
export function DevBar() {
  const meta = useMeta();
  const [open, setOpen] = useState(false);
  if (!meta?.localMode) return null;

  const current = getDevOpenid();
  const me = meta.demoUsers.find((u) => u.openid === current);
  const switchTo = (openid: string) => {
    setDevOpenid(openid);
    // Every page and call starts again as the new user.
    window.location.reload();
  };

  return (
    <View className="dev-bar" aria-label="本地演示">
      <Text className="dev-date">演示日期：{formatDateCn(meta.today)}</Text>
      <View className="dev-user">
        <Text className="dev-user-name">{me ? me.label.replace(/（.*$/, '') : '未登录'}</Text>
        <ActionButton kind="chip" onClick={() => setOpen(!open)} ariaLabel="切换演示用户" pressed={open}>
          切换用户
        </ActionButton>
      </View>
      {open ? (
        <View className="dev-sheet" role="dialog" aria-label="选择演示用户">
          <Text className="dev-sheet-title">以哪位演示用户登录？</Text>
          {meta.demoUsers.map((u) => (
            <ActionButton
              key={u.openid}
              kind="secondary"
              className={`dev-user-option${u.openid === current ? ' dev-user-current' : ''}`}
              pressed={u.openid === current}
              onClick={() => switchTo(u.openid)}
            >
              {u.label}
            </ActionButton>
          ))}
          <ActionButton kind="chip" onClick={() => setOpen(false)}>
            取消
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}
