import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { IncomingNotification, NotificationVerdict, PaymentEvent } from './gateway-port';

/** Headers of a sandbox notification; the signed string mirrors WeChat Pay v3: `timestamp\nnonce\nbody\n`. */
export const SANDBOX_NOTIFICATION_HEADERS = {
  timestamp: 'x-sandbox-timestamp',
  nonce: 'x-sandbox-nonce',
  signature: 'x-sandbox-signature',
} as const;

/** A notification older or newer than this is refused, so a captured one cannot be replayed for long. */
export const NOTIFICATION_TOLERANCE_MS = 5 * 60 * 1000;

export interface SignedNotification {
  headers: Record<string, string>;
  body: string;
}

const eventBody = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('paid'),
    orderNo: z.string().min(1),
    transactionId: z.string().min(1),
    amountFen: z.number().int(),
    paidAt: z.string().datetime(),
  }),
  z.object({
    state: z.literal('failed'),
    orderNo: z.string().min(1),
    amountFen: z.number().int(),
    failedAt: z.string().datetime(),
  }),
]);

function signature(secret: string, timestamp: string, nonce: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n${body}\n`).digest('hex');
}

/** Signs an event the way the sandbox delivers it. Exported so tests can play a gateway that reports a wrong amount. */
export function signSandboxNotification(secret: string, event: PaymentEvent, at: Date): SignedNotification {
  const body = JSON.stringify(
    event.state === 'paid'
      ? { ...event, paidAt: event.paidAt.toISOString() }
      : { ...event, failedAt: event.failedAt.toISOString() },
  );
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  return {
    headers: {
      'content-type': 'application/json',
      [SANDBOX_NOTIFICATION_HEADERS.timestamp]: timestamp,
      [SANDBOX_NOTIFICATION_HEADERS.nonce]: nonce,
      [SANDBOX_NOTIFICATION_HEADERS.signature]: signature(secret, timestamp, nonce, body),
    },
    body,
  };
}

/** HTTP header names are case-insensitive; a repeated signature header is not trusted. */
function header(headers: IncomingNotification['headers'], name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return typeof value === 'string' ? value : undefined;
}

function reject(reason: Exclude<NotificationVerdict, { ok: true }>['reason'], message: string): NotificationVerdict {
  return { ok: false, reason, message };
}

export function verifySandboxNotification(
  notification: IncomingNotification,
  secret: string,
  now: Date,
): NotificationVerdict {
  const timestamp = header(notification.headers, SANDBOX_NOTIFICATION_HEADERS.timestamp);
  const nonce = header(notification.headers, SANDBOX_NOTIFICATION_HEADERS.nonce);
  const given = header(notification.headers, SANDBOX_NOTIFICATION_HEADERS.signature);
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp) || !nonce || given === undefined) {
    return reject('missing_signature', '支付通知缺少签名、时间戳或随机串');
  }
  if (typeof notification.body !== 'string') {
    return reject('malformed_body', '支付通知内容应为原始文本，无法验签');
  }
  const expected = Buffer.from(signature(secret, timestamp, nonce, notification.body), 'hex');
  const received = /^[0-9a-f]{64}$/i.test(given) ? Buffer.from(given, 'hex') : Buffer.alloc(0);
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return reject('bad_signature', '支付通知签名不正确，已拒绝');
  }
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > NOTIFICATION_TOLERANCE_MS) {
    return reject('stale_timestamp', '支付通知时间戳超出 5 分钟有效期，已拒绝');
  }
  let json: unknown;
  try {
    json = JSON.parse(notification.body);
  } catch {
    return reject('malformed_body', '支付通知内容不是有效的 JSON');
  }
  const parsed = eventBody.safeParse(json);
  if (!parsed.success) return reject('malformed_body', '支付通知内容缺少必要字段');
  const body = parsed.data;
  return {
    ok: true,
    event:
      body.state === 'paid'
        ? { ...body, paidAt: new Date(body.paidAt) }
        : { ...body, failedAt: new Date(body.failedAt) },
  };
}
