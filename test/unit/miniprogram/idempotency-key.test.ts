import { describe, expect, it } from 'vitest';
import { input as payInput } from '../../../shared/contracts/pay';
import { newIdempotencyKey } from '../../../miniprogram/src/lib/idempotency-key';

describe('the payment request key', () => {
  it('is accepted by the pay contract', () => {
    const key = newIdempotencyKey();
    const parsed = payInput.safeParse({
      action: 'create',
      source: 'wechat',
      people: [{ residentRef: 'self' }],
      idempotencyKey: key,
    });
    expect(parsed.success).toBe(true);
  });

  it('is the same for the same moment and the same random draws (nothing else goes in)', () => {
    const draws = () => {
      let n = 0;
      return () => (n++ % 36) / 36;
    };
    expect(newIdempotencyKey(1_700_000_000_000, draws())).toBe(newIdempotencyKey(1_700_000_000_000, draws()));
  });

  it('differs between two confirmations', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newIdempotencyKey(1_700_000_000_000)));
    expect(keys.size).toBe(1000);
  });

  it('stays inside the alphabet even when the random source returns its upper bound', () => {
    expect(newIdempotencyKey(0, () => 0.9999999999)).toMatch(/^pay-0-z{16}$/);
  });
});
