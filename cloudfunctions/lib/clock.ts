/**
 * The clock is a port: the rules take "today" as an argument, and this is the only module that reads
 * the system time. Production runs on the real date in Asia/Shanghai (the seed policies' time zone,
 * whatever zone the function host runs in); the local cloud and the tests pin the date.
 */
import { isIsoDate } from '../../shared/rules/civil-date';

export type Clock = {
  /** The calendar date in Asia/Shanghai, 'YYYY-MM-DD'. */
  today(): string;
  now(): Date;
};

/**
 * Local default: inside the central collection window (2024-09-01 … 2024-12-31) of the newest seed
 * policy, fj-quanzhou-taishang-2025, so registration, payment and 家庭共济 are all open in the demo.
 * Mid-November keeps every window edge weeks away, and babies born since mid-August are still within
 * their 90 days.
 */
export const DEFAULT_LOCAL_TODAY = '2024-11-15';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China has kept UTC+8 all year since 1991.

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDateOf(instant: Date): string {
  return shanghaiDate.format(instant);
}

/** Midnight at the start of a Shanghai calendar day, as an instant. */
function shanghaiMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

function mustBeDate(date: string, what: string): void {
  if (!isIsoDate(date)) throw new RangeError(`${what} 应为 YYYY-MM-DD 格式的真实日期：${date}`);
}

/** The real time; `readSystemTime` is a seam for the tests only. */
export function shanghaiClock(readSystemTime: () => Date = () => new Date()): Clock {
  return {
    now: readSystemTime,
    today: () => shanghaiDateOf(readSystemTime()),
  };
}

/** A clock that never moves: tests. `time` is the Shanghai wall-clock time of `now()`. */
export function fixedClock(today: string, time = '10:00:00'): Clock {
  mustBeDate(today, 'today');
  const instant = new Date(shanghaiMidnight(today).getTime() + Date.parse(`1970-01-01T${time}Z`));
  if (Number.isNaN(instant.getTime())) throw new RangeError(`time 应为 HH:MM:SS：${time}`);
  return { today: () => today, now: () => new Date(instant.getTime()) };
}

/**
 * The local cloud's clock: starts on `today` at `startTime` (Shanghai wall clock; by default the real time
 * of day) and then runs at real speed, so orders still expire and timestamps still order correctly while
 * the date shown is the pinned one (it turns over at Shanghai midnight like a real day would).
 */
export function offsetClock(today: string, real: Clock = shanghaiClock(), startTime?: string): Clock {
  mustBeDate(today, 'TODAY');
  const start = startTime
    ? fixedClock(today, startTime).now().getTime() - real.now().getTime()
    : shanghaiMidnight(today).getTime() - shanghaiMidnight(real.today()).getTime();
  const now = () => new Date(real.now().getTime() + start);
  return { now, today: () => shanghaiDateOf(now()) };
}

const TODAY_WITH_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?$/;

/**
 * `TODAY` from the environment (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` to start at that time of day, which
 * tests use to stay clear of midnight), or the local default; a malformed value stops the start-up.
 */
export function localClockFromEnv(env: NodeJS.ProcessEnv, real: Clock = shanghaiClock()): Clock {
  const value = env.TODAY?.trim() || DEFAULT_LOCAL_TODAY;
  const match = TODAY_WITH_TIME.exec(value);
  if (!match?.[1]) throw new RangeError(`TODAY 应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM 格式：${value}`);
  const time = match[2] && match[2].length === 5 ? `${match[2]}:00` : match[2];
  return offsetClock(match[1], real, time);
}
