import { describe, expect, it } from 'vitest';
import { isSettled, pollUntilSettled, type StatusReply } from '../../../miniprogram/src/lib/payment-status';

type Order = { orderNo: string; state: 'pending' | 'paid' | 'failed' | 'expired' | 'refunded' };

/** Replies in turn, then repeats the last one; records the waits instead of waiting. */
function scripted(replies: StatusReply<Order>[]) {
  const waits: number[] = [];
  let asked = 0;
  return {
    waits,
    asked: () => asked,
    fetchStatus: async () => replies[Math.min(asked++, replies.length - 1)]!,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
}

const pending: StatusReply<Order> = { ok: true, order: { orderNo: 'R1', state: 'pending' } };
const paid: StatusReply<Order> = { ok: true, order: { orderNo: 'R1', state: 'paid' } };

describe('waiting for the payment result', () => {
  it('counts every state but pending as settled', () => {
    expect(isSettled('pending')).toBe(false);
    for (const state of ['paid', 'failed', 'expired', 'refunded'] as const) expect(isSettled(state)).toBe(true);
  });

  it('stops at the first settled answer', async () => {
    const s = scripted([pending, pending, paid, pending]);
    const outcome = await pollUntilSettled(s.fetchStatus, { sleep: s.sleep, delaysMs: [0, 10, 20, 30, 40] });
    expect(outcome).toEqual({ kind: 'settled', order: { orderNo: 'R1', state: 'paid' } });
    expect(s.asked()).toBe(3);
    expect(s.waits).toEqual([10, 20]);
  });

  it('reports a failed payment as settled too, so the page can say so', async () => {
    const failed: StatusReply<Order> = { ok: true, order: { orderNo: 'R1', state: 'failed' } };
    const s = scripted([failed]);
    await expect(pollUntilSettled(s.fetchStatus, { sleep: s.sleep, delaysMs: [0] })).resolves.toMatchObject({
      kind: 'settled',
      order: { state: 'failed' },
    });
  });

  it('gives back the order still pending after every attempt', async () => {
    const s = scripted([pending]);
    await expect(pollUntilSettled(s.fetchStatus, { sleep: s.sleep, delaysMs: [0, 1, 1] })).resolves.toEqual({
      kind: 'pending',
      order: { orderNo: 'R1', state: 'pending' },
    });
    expect(s.asked()).toBe(3);
  });

  it('keeps asking through a lost reply and keeps the last order it saw', async () => {
    const lost: StatusReply<Order> = { ok: false, message: '网络连接失败，请检查网络后重试' };
    const s = scripted([pending, lost, lost]);
    await expect(pollUntilSettled(s.fetchStatus, { sleep: s.sleep, delaysMs: [0, 1, 1] })).resolves.toMatchObject({
      kind: 'pending',
    });
  });

  it('says it does not know when no answer ever came', async () => {
    const s = scripted([{ ok: false, message: '网络连接失败，请检查网络后重试' }]);
    await expect(pollUntilSettled(s.fetchStatus, { sleep: s.sleep, delaysMs: [0, 1] })).resolves.toEqual({
      kind: 'unknown',
      message: '网络连接失败，请检查网络后重试',
    });
  });

  it('stops asking once the page is gone', async () => {
    const s = scripted([pending]);
    let gone = false;
    const outcome = pollUntilSettled(s.fetchStatus, {
      sleep: async () => {
        gone = true;
      },
      stopped: () => gone,
      delaysMs: [0, 5, 5],
    });
    await outcome;
    expect(s.asked()).toBe(1);
  });
});
