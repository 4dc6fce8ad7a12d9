/**
 * The local cloud's dev login: H5 sends this id as `X-Openid`, standing in for the OPENID that
 * WeChat attaches in production. Plain localStorage (not Taro's wrapped storage) so tests can set it.
 */
const KEY = 'devOpenid';

export function getDevOpenid(): string | null {
  return window.localStorage.getItem(KEY);
}

export function setDevOpenid(openid: string | null): void {
  if (openid) window.localStorage.setItem(KEY, openid);
  else window.localStorage.removeItem(KEY);
}
