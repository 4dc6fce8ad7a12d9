import { z } from 'zod';

/** The `payment` object cloud pay's unifiedOrder returns, passed unchanged to `wx.requestPayment`. */
export const wxRequestPaymentParams = z.object({
  timeStamp: z.string().min(1),
  nonceStr: z.string().min(1),
  package: z.string().startsWith('prepay_id='),
  signType: z.enum(['MD5', 'HMAC-SHA256', 'RSA']),
  paySign: z.string().min(1),
});

/**
 * What the client needs to open the pay sheet: WeChat's own sheet in the mini-program, or the local
 * sandbox's H5 sheet (its unguessable token and the app path that shows it).
 */
export const payParams = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('wechat'), payment: wxRequestPaymentParams }),
  z.object({ kind: z.literal('sandbox'), token: z.string().min(1), path: z.string().startsWith('/') }),
]);

export type WxRequestPaymentParams = z.infer<typeof wxRequestPaymentParams>;
export type PayParams = z.infer<typeof payParams>;
