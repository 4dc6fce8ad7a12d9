import { z } from 'zod';

/**
 * `payNotify`: the payment gateway's notification endpoint. The sandbox delivers HTTP headers + the
 * raw body (signed); WeChat cloud pay invokes the function with its event, which the entry point
 * wraps as `{ body: event }`. Nothing in it is trusted before the gateway port verified it.
 */
export const input = z
  .object({
    headers: z
      .record(z.union([z.string(), z.array(z.string())]), { invalid_type_error: '通知头应为键值对' })
      .default({}),
    body: z.unknown(),
  })
  .strict();
export type PayNotifyInput = z.infer<typeof input>;

export const output = z.object({
  orderNo: z.string(),
  /** `duplicate`: a replay of a notification already acted upon; nothing changed. */
  outcome: z.enum(['paid', 'failed', 'duplicate']),
});
export type PayNotifyOutput = z.infer<typeof output>;
