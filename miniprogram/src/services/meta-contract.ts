import { z } from 'zod';
import { isoDate } from '../../../shared/contracts/common';

/** `GET /api/_meta` of the local cloud: its pinned date and the dev login's accounts. */
export const metaSchema = z.object({
  today: isoDate,
  localMode: z.boolean(),
  demoUsers: z.array(z.object({ openid: z.string(), label: z.string() })).default([]),
});

export type AppMeta = z.infer<typeof metaSchema>;
export type DemoUser = AppMeta['demoUsers'][number];

/**
 * Loads the app's meta: in H5 from the local cloud (falling back to the phone's date when it cannot
 * be reached), in the mini-program the real date in Asia/Shanghai and no demo users.
 */
export type LoadMeta = () => Promise<AppMeta>;
