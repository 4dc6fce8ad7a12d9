/**
 * After the pay sheet: the order is settled by the gateway's notification, which may arrive a moment
 * after the payer taps 确认支付, so the page asks `pay.status` until the order is settled. Time and the
 * call are passed in, so this reads as the rule it is and tests run without waiting.
 */
type OrderState = 'pending' | 'paid' | 'failed' | 'expired' | 'refunded';

export type SettledState = Exclude<OrderState, 'pending'>;

export function isSettled(state: OrderState): state is SettledState {
  return state !== 'pending';
}

export type StatusReply<O> = { ok: true; order: O } | { ok: false; message: string };

export type PollOutcome<O> =
  | { kind: 'settled'; order: O }
  /** Still pending after every attempt: the payer may not have finished, or the notice is late. */
  | { kind: 'pending'; order: O }
  /** Never got an answer; `message` is the last error, in Chinese. */
  | { kind: 'unknown'; message: string };

/** Waits between asks: quick at first (the sandbox settles at once), then easing off. About 40 s in all. */
export const DEFAULT_POLL_DELAYS_MS: readonly number[] = [
  0, 500, 1000, 1500, 2000, 3000, 3000, 4000, 5000, 5000, 5000, 5000, 5000,
];

export async function pollUntilSettled<O extends { state: OrderState }>(
  fetchStatus: () => Promise<StatusReply<O>>,
  options: { delaysMs?: readonly number[]; sleep: (ms: number) => Promise<void>; stopped?: () => boolean },
): Promise<PollOutcome<O>> {
  let last: PollOutcome<O> = { kind: 'unknown', message: '暂时查不到支付结果，请稍后在“缴费记录”中查看' };
  for (const delay of options.delaysMs ?? DEFAULT_POLL_DELAYS_MS) {
    if (delay > 0) await options.sleep(delay);
    if (options.stopped?.()) break;
    const reply = await fetchStatus();
    if (!reply.ok) {
      // A lost reply says nothing about the payment; keep the last order we saw, if any.
      if (last.kind === 'unknown') last = { kind: 'unknown', message: reply.message };
      continue;
    }
    if (isSettled(reply.order.state)) return { kind: 'settled', order: reply.order };
    last = { kind: 'pending', order: reply.order };
  }
  return last;
}
