import { z } from 'zod';

/** Every function answers `{ ok: true, data } | { ok: false, error: { code, message } }`; message is plain Chinese. */
export const errorSchema = z.object({
  code: z.string().min(1),
  message: z.string().min(1),
});
export type AppError = z.infer<typeof errorSchema>;

export function envelopeSchema<T extends z.ZodTypeAny>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: errorSchema }),
  ]);
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppError };

export function success<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function failure(code: string, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
