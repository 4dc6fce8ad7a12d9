import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOCAL_TODAY,
  fixedClock,
  localClockFromEnv,
  offsetClock,
  shanghaiClock,
  shanghaiDateOf,
} from '../../cloudfunctions/lib/clock';
import { getPolicy } from '../../shared/rules';

const at = (iso: string) => () => new Date(iso);

describe('the production clock', () => {
  it('gives the Shanghai date: 16:30 UTC on 31 Dec is already 1 Jan in Shanghai', () => {
    expect(shanghaiClock(at('2024-12-31T16:30:00Z')).today()).toBe('2025-01-01');
    expect(shanghaiClock(at('2024-12-31T15:59:59Z')).today()).toBe('2024-12-31');
  });

  it('reports the instant it reads', () => {
    expect(shanghaiClock(at('2024-11-15T02:00:00Z')).now().toISOString()).toBe('2024-11-15T02:00:00.000Z');
  });
});

describe('a fixed clock', () => {
  it('stays on its date and time', () => {
    const clock = fixedClock('2024-11-15', '09:30:00');
    expect(clock.today()).toBe('2024-11-15');
    expect(clock.now().toISOString()).toBe('2024-11-15T01:30:00.000Z');
    expect(shanghaiDateOf(clock.now())).toBe('2024-11-15');
  });

  it('refuses a date that does not exist', () => {
    expect(() => fixedClock('2024-02-30')).toThrow(RangeError);
    expect(() => fixedClock('2024-11-15', '25:00:00')).toThrow(RangeError);
  });
});

describe('the local clock', () => {
  it('shows TODAY at the real time of day and keeps running', () => {
    let real = new Date('2026-03-10T06:00:00Z'); // 14:00 in Shanghai
    const clock = offsetClock(
      '2024-11-15',
      shanghaiClock(() => real),
    );
    expect(clock.today()).toBe('2024-11-15');
    expect(clock.now().toISOString()).toBe('2024-11-15T06:00:00.000Z');
    real = new Date('2026-03-10T06:30:00Z');
    expect(clock.now().toISOString()).toBe('2024-11-15T06:30:00.000Z');
  });

  it('turns over at Shanghai midnight like a real day', () => {
    let real = new Date('2026-03-10T15:59:00Z'); // 23:59 in Shanghai
    const clock = offsetClock(
      '2024-11-15',
      shanghaiClock(() => real),
    );
    expect(clock.today()).toBe('2024-11-15');
    real = new Date('2026-03-10T16:01:00Z');
    expect(clock.today()).toBe('2024-11-16');
  });

  it('takes TODAY from the environment, and defaults inside the newest policy’s central window', () => {
    const real = shanghaiClock(at('2026-03-10T02:00:00Z'));
    expect(localClockFromEnv({ TODAY: '2025-02-01' }, real).today()).toBe('2025-02-01');
    expect(localClockFromEnv({}, real).today()).toBe(DEFAULT_LOCAL_TODAY);
    expect(() => localClockFromEnv({ TODAY: '15/11/2024' }, real)).toThrow('TODAY');
    expect(() => localClockFromEnv({ TODAY: '2024-11-15T25:00' }, real)).toThrow();

    const central = getPolicy('fj-quanzhou-taishang-2025')?.windows.find((w) => w.kind === 'central');
    expect(central).toBeDefined();
    expect(DEFAULT_LOCAL_TODAY >= (central?.start ?? '') && DEFAULT_LOCAL_TODAY <= (central?.end ?? '')).toBe(true);
  });

  it('starts TODAY at a given time of day, then runs at real speed', () => {
    let realNow = new Date('2026-11-22T15:59:30Z');
    const real = shanghaiClock(() => realNow);
    const clock = localClockFromEnv({ TODAY: '2024-11-15T10:00' }, real);
    expect(clock.today()).toBe('2024-11-15');
    expect(clock.now().toISOString()).toBe('2024-11-15T02:00:00.000Z');
    realNow = new Date(realNow.getTime() + 90_000);
    expect(clock.now().toISOString()).toBe('2024-11-15T02:01:30.000Z');
  });
});
