import Taro from '@tarojs/taro';
import type { OpenPaySheet } from './pay-sheet-contract';

/** WeChat's own pay sheet, with the `payment` object cloud pay returned, passed on unchanged. */
export const openPaySheet: OpenPaySheet = async (params) => {
  if (params.kind !== 'wechat') {
    return { kind: 'error', message: '本地沙箱支付只能在本地演示的网页版中使用，请在小程序中重新下单。' };
  }
  try {
    await Taro.requestPayment({ ...params.payment });
    return { kind: 'submitted' };
  } catch (error) {
    const errMsg = typeof error === 'object' && error !== null && 'errMsg' in error ? String(error.errMsg) : '';
    if (errMsg.includes('cancel')) return { kind: 'cancelled' };
    return { kind: 'error', message: '微信支付未能完成，请稍后重试；如已扣款，请在“缴费记录”中查看结果。' };
  }
};
