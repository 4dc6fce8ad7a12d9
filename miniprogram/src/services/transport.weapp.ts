import Taro from '@tarojs/taro';
import type { Transport } from './transport-contract';

let cloudReady = false;

function ensureCloud(): void {
  if (cloudReady) return;
  // Replaced at build time (config/index.ts `env`); '' means the DevTools' default environment.
  const env = process.env.TARO_APP_CLOUD_ENV;
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
  cloudReady = true;
}

/** `wx.cloud.callFunction`: the platform attaches the caller's OPENID, so the app never sends it. */
export const transport: Transport = async (name, data) => {
  ensureCloud();
  const res = await Taro.cloud.callFunction({ name, data });
  return res.result;
};
