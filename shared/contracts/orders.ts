import { z } from 'zod';
import { order, orderState, paySource } from './pay';
import { opaqueId } from './people';

/** `orders`: my payment history, and a receipt per order I paid. */
export const input = z.discriminatedUnion(
  'action',
  [
    z
      .object({
        action: z.literal('list'),
        limit: z
          .number({ invalid_type_error: '条数应为数字' })
          .int('条数应为整数')
          .min(1, '条数至少为1')
          .max(100, '一次最多查看100笔')
          .optional(),
      })
      .strict(),
    z.object({ action: z.literal('receipt'), orderNo: opaqueId('订单号') }).strict(),
  ],
  { errorMap: () => ({ message: '操作应为 list（缴费记录）或 receipt（缴费凭证）' }) },
);
export type OrdersInput = z.infer<typeof input>;

export const orderSummary = z.object({
  orderNo: z.string(),
  state: orderState,
  source: paySource,
  /** Yuan. */
  total: z.number(),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  /** As on the receipt: full names of me and consenting relatives, 张* for anyone else. */
  names: z.array(z.string()),
});

export const receipt = order.extend({
  payer: z.object({ name: z.string().nullable(), idMasked: z.string().nullable() }),
});
export type ReceiptView = z.infer<typeof receipt>;

export const output = z.discriminatedUnion('action', [
  z.object({ action: z.literal('list'), orders: z.array(orderSummary) }),
  z.object({ action: z.literal('receipt'), receipt }),
]);
export type OrdersOutput = z.infer<typeof output>;
