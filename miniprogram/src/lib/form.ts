/**
 * Form checks with the same zod schemas the cloud functions parse with, so the Chinese message a
 * resident sees before sending is the one the function would answer.
 */
import type { z } from 'zod';
import { parseIdNumber } from '../../../shared/id';

/** Field path ('name', 'baby.idNumber') → the first message for it. */
export type FieldErrors = Record<string, string>;

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function checkForm<S extends z.ZodTypeAny>(schema: S, value: unknown): Checked<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.') || '_form';
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/**
 * The checks the contracts leave to the function (region code, birth date, check digit), run on
 * the phone so a mistyped digit is caught before sending. Null when the number is plausible.
 */
export function idNumberProblem(raw: string, today: string): string | null {
  const result = parseIdNumber(raw, today);
  return result.ok ? null : result.message;
}

/** Merges extra field problems into a check result (e.g. the ID check digit after the schema passed). */
export function withProblems<T>(checked: Checked<T>, problems: Record<string, string | null>): Checked<T> {
  const extra = Object.entries(problems).filter((entry): entry is [string, string] => entry[1] !== null);
  if (extra.length === 0) return checked;
  const errors: FieldErrors = checked.ok ? {} : { ...checked.errors };
  for (const [key, message] of extra) errors[key] ??= message;
  return { ok: false, errors };
}
