import { z } from 'zod';
import { idNumberIn, opaqueId, personName, relativeRelationship } from './people';

/**
 * `family` (家人绑定): bind a relative by name + ID number + relationship, the relative's consent
 * (aged 14+: from their own WeChat with the one-time code or the share card; under 14: the parent or
 * guardian in the same household binds at once), list, unbind.
 */
const consentCode = z
  .string({ required_error: '请填写授权码', invalid_type_error: '授权码应为文字' })
  .trim()
  .regex(/^\d{6}$/, '授权码应为6位数字');

/** What a share card carries: `<bindingId>.<code>`. */
const shareToken = z
  .string({ invalid_type_error: '分享卡片内容应为文字' })
  .regex(/^[A-Za-z0-9_-]{1,64}\.\d{6}$/, '分享卡片已损坏，请让家人重新分享');

export const input = z.discriminatedUnion(
  'action',
  [
    z
      .object({ action: z.literal('bind'), name: personName, idNumber: idNumberIn, relationship: relativeRelationship })
      .strict(),
    /** Exactly one of `code` (typed by the relative) or `token` (from the share card). */
    z.object({ action: z.literal('confirm'), code: consentCode.optional(), token: shareToken.optional() }).strict(),
    z.object({ action: z.literal('list') }).strict(),
    z.object({ action: z.literal('unbind'), bindingId: opaqueId('绑定编号') }).strict(),
  ],
  { errorMap: () => ({ message: '操作应为 bind（绑定）、confirm（确认授权）、list（查看）或 unbind（解除绑定）' }) },
);
export type FamilyInput = z.infer<typeof input>;

/** `expired` = pending, but its code ran out before the relative confirmed. */
export const bindingStatus = z.enum(['pending', 'confirmed', 'revoked', 'expired']);

/** A relative I bound. `name` is the full name once they consented, else only the family name (张*). */
export const binding = z.object({
  bindingId: z.string(),
  relationship: relativeRelationship,
  status: bindingStatus,
  confirmedBy: z.enum(['relative', 'guardian']).nullable(),
  name: z.string(),
  idMasked: z.string(),
  consentExpiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export type BindingView = z.infer<typeof binding>;

/** A binding someone asked of me (or holds with my consent), so I can confirm or withdraw it. */
export const request = z.object({
  bindingId: z.string(),
  requesterName: z.string(),
  requesterIdMasked: z.string().nullable(),
  /** What the requester says I am to them. */
  relationship: relativeRelationship,
  status: bindingStatus,
  consentExpiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export type BindingRequestView = z.infer<typeof request>;

export const output = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('bind'),
    binding,
    /** True when this relative was already bound (or asked) and that binding is returned. */
    existing: z.boolean(),
    /**
     * Shown once, for the binder to pass on: the relative types `code`, or opens the share card that
     * carries `shareToken`. Null when no consent is needed (guardian) or it was already given.
     */
    consent: z.object({ code: z.string(), shareToken: z.string(), expiresAt: z.string() }).nullable(),
    message: z.string(),
  }),
  z.object({ action: z.literal('confirm'), request, message: z.string() }),
  z.object({ action: z.literal('list'), mine: z.array(binding), askedOfMe: z.array(request) }),
  z.object({ action: z.literal('unbind'), bindingId: z.string(), status: z.literal('revoked'), message: z.string() }),
]);
export type FamilyOutput = z.infer<typeof output>;
