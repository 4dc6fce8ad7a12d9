import { resultPath, type OpenPaySheet } from './pay-sheet-contract';

/**
 * The local cloud's sandbox pay sheet (an H5 page of its own): the app goes there, and the sheet
 * sends the payer back to this page's result (`returnTo`), which then asks `pay.status`.
 */
export const openPaySheet: OpenPaySheet = async (params, orderNo) => {
  if (params.kind !== 'sandbox') {
    return { kind: 'error', message: '微信支付只能在微信小程序中完成，请在小程序中打开。' };
  }
  // The app routes by hash, so "this page" is the document path plus the hash route.
  const returnTo = `${window.location.pathname}#${resultPath(orderNo)}`;
  const separator = params.path.includes('?') ? '&' : '?';
  window.location.assign(`${params.path}${separator}returnTo=${encodeURIComponent(returnTo)}`);
  return { kind: 'left' };
};
