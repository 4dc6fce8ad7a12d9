/**
 * `payNotify`: where the payment gateway reports outcomes. Verified by the gateway port, matched to
 * the order's amount, recorded once by transaction id. No caller identity: the notification itself
 * is the credential, and nothing unverified changes anything.
 */
import { input, output } from '../../shared/contracts/pay-notify';
import { defineFunction } from '../lib/handler';
import { withPayments } from '../lib/ordering/deps';
import { handleNotification } from '../lib/ordering/notify';

export const payNotify = defineFunction({
  name: 'payNotify',
  input,
  output,
  run: async (notification, ctx) => {
    const deps = withPayments(ctx);
    if (!deps.ok) return deps;
    return handleNotification(deps.data, notification);
  },
});

/**
 * CloudBase cloud pay calls its callback function with the notification as the event, and stops
 * retrying once it answers `errcode: 0` (a replay is acknowledged the same way).
 */
export async function main(event: unknown, context?: unknown): Promise<{ errcode: number; errmsg: string }> {
  const result = await payNotify.main({ body: event }, context);
  return result.ok ? { errcode: 0, errmsg: 'OK' } : { errcode: 1, errmsg: result.error.message };
}
