/**
 * Structured logs (one JSON object per line, what CloudBase's log search indexes) that never carry an
 * ID number: anything shaped like one is masked, wherever it hides (messages, stacks, nested fields),
 * and fields named like ID numbers or ciphertexts are dropped whole.
 */
import { maskIdNumber } from '../../../shared/id';

export type LogFields = Record<string, unknown>;
export type LogLevel = 'info' | 'warn' | 'error';

export type Logger = {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. the function name). */
  child(fields: LogFields): Logger;
};

/**
 * 17 digits and a digit or X, not part of a longer run of letters or digits; full-width forms count
 * too (a Chinese input method types them).
 */
const ID_LIKE = /(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])[0-9０-９]{17}[0-9０-９XxＸｘ](?![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])/g;
const SECRET_FIELD = /^(id_?number|id_?cipher|idcard|id_?no|sfzh|consent_?code)$/i;
const HIDDEN = '[已隐去]';

/** Masks every ID-number-shaped run, including ones typed with full-width digits. */
export function redact(text: string): string {
  return text.replace(ID_LIKE, (match) => maskIdNumber(match));
}

function scrub(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redact(value);
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message), stack: value.stack ? redact(value.stack) : undefined };
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[循环引用]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrub(item, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_FIELD.test(key) ? HIDDEN : scrub(item, seen);
  return out;
}

/** The JSON line for one log entry, already redacted. */
export function formatLogLine(level: LogLevel, event: string, fields: LogFields): string {
  return JSON.stringify({ level, event: redact(event), ...(scrub(fields, new WeakSet()) as LogFields) });
}

export type LogSink = (level: LogLevel, line: string) => void;

const consoleSink: LogSink = (level, line) => {
  if (level === 'info') console.log(line);
  else console.error(line);
};

export function createLogger(base: LogFields = {}, sink: LogSink = consoleSink): Logger {
  const write =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}) =>
      sink(level, formatLogLine(level, event, { ...base, ...fields }));
  return {
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (fields) => createLogger({ ...base, ...fields }, sink),
  };
}
