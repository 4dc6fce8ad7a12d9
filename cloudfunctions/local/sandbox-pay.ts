/**
 * Payments in the local cloud: the sandbox gateway and employee account (their own SQLite files in
 * DATA_DIR), the H5 pay sheet that stands in for WeChat's, and the notification path — the sandbox
 * hands each signed notification to `payNotify` in-process, exactly as the gateway would call it.
 *
 *   GET  /sandbox-pay?token=…[&returnTo=/app/path]   the pay sheet: amount, what for, 确认支付 / 支付失败
 *   POST /sandbox-pay/act                             form or JSON { token, outcome: 'pay' | 'fail', returnTo? }
 *
 * The H5 app opens `payParams.path` from pay.create (adding `returnTo` to come back to its result
 * page), the payer acts, the sandbox settles and notifies, and the app polls pay.status.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { formatYuan } from '../../shared/rules/money';
import type { Clock } from '../lib/clock';
import type { Deps, Payments } from '../lib/context';
import { PaymentError } from '../lib/payments/errors';
import { SandboxEmployeeAccount } from '../lib/payments/sandbox-employee-account';
import { SandboxPaymentGateway, type SandboxPaySheet } from '../lib/payments/sandbox-gateway';
import type { SignedNotification } from '../lib/payments/sandbox-notification';
import { payNotify } from '../payNotify';

export const SANDBOX_GATEWAY_FILE = 'sandbox-gateway.sqlite';
export const SANDBOX_ACCOUNT_FILE = 'sandbox-employee-account.sqlite';
export const PAY_SHEET_PATH = '/sandbox-pay';
const ACT_PATH = '/sandbox-pay/act';
const MAX_FORM_BYTES = 4 * 1024;

/** Demo 职工医保个人账户 balances, opened on first start: 张建国 is the demo's employee (3000 元). */
export const DEMO_EMPLOYEE_BALANCES: ReadonlyArray<{ openid: string; balanceFen: number }> = [
  { openid: 'demo-zhang', balanceFen: 300_000 },
];

export type LocalSandbox = {
  payments: Payments;
  gateway: SandboxPaymentGateway;
  employeeAccount: SandboxEmployeeAccount;
  /** Gives the sandbox the dependencies payNotify runs with (they include these payments, hence afterwards). */
  connect(deps: Deps): void;
  /** Serves the pay sheet routes; false when the request is not for them. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): void;
};

/**
 * `secret` signs the sandbox's notifications; a fresh one per start is enough because the sandbox
 * both signs and verifies (tests pass their own to forge or re-sign notifications).
 */
export function localSandbox(
  dataDir: string,
  clock: Clock,
  secret: string = randomBytes(32).toString('hex'),
): LocalSandbox {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let deps: Deps | undefined;
  const deliver = async (notification: SignedNotification): Promise<void> => {
    if (!deps) throw new Error('sandbox notification before the local cloud was connected');
    const result = await payNotify.withDeps(deps)(
      { headers: notification.headers, body: notification.body },
      undefined,
    );
    // A refusal counts as not delivered, as a non-2xx answer would for WeChat Pay; it can be resent.
    if (!result.ok) throw new Error(`payNotify refused the notification: ${result.error.code}`);
  };
  const gateway = new SandboxPaymentGateway({
    databasePath: join(dataDir, SANDBOX_GATEWAY_FILE),
    secret,
    clock,
    deliver,
    payPagePath: PAY_SHEET_PATH,
  });
  const employeeAccount = new SandboxEmployeeAccount({ databasePath: join(dataDir, SANDBOX_ACCOUNT_FILE), clock });
  return {
    payments: { gateway, employeeAccount },
    gateway,
    employeeAccount,
    connect: (connected) => {
      deps = connected;
    },
    handle: (req, res) => handleSandboxPay(req, res, gateway),
    close: () => {
      gateway.close();
      employeeAccount.close();
    },
  };
}

/** Opens the demo balances that do not exist yet (a restart keeps what the demo spent). */
export async function seedDemoBalances(account: SandboxEmployeeAccount): Promise<void> {
  for (const { openid, balanceFen } of DEMO_EMPLOYEE_BALANCES) {
    try {
      await account.getBalance(openid);
    } catch (error) {
      if (!(error instanceof PaymentError && error.code === 'ACCOUNT_NOT_FOUND')) throw error;
      account.setBalance(openid, balanceFen);
    }
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Only a path inside this site: never an open redirect. */
function safeReturnTo(value: string | null | undefined): string {
  return value && /^\/(?![/\\])[^\s]{0,511}$/.test(value) ? value : '/';
}

const STATE_TEXT: Readonly<Record<SandboxPaySheet['state'], string>> = {
  not_found: '支付单不存在',
  pending: '待支付',
  paid: '已支付',
  failed: '支付失败',
  expired: '已超时',
  closed: '已关闭',
  refunded: '已退款',
};

function page(res: ServerResponse, status: number, title: string, body: string, refreshTo?: string): void {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
${refreshTo ? `<meta http-equiv="refresh" content="2;url=${escapeHtml(refreshTo)}">` : ''}
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;background:#f5f5f5;color:#222}
main{max-width:420px;margin:0 auto;padding:24px 16px}.card{background:#fff;border-radius:12px;padding:20px;text-align:center}
.tag{display:inline-block;font-size:12px;color:#b26a00;background:#fff3e0;border-radius:4px;padding:2px 6px}
.amount{font-size:36px;font-weight:600;margin:16px 0}button{display:block;width:100%;font-size:17px;padding:12px;margin-top:12px;border-radius:8px;border:0}
.pay{background:#07c160;color:#fff}.fail{background:#eee;color:#c00}a{color:#576b95}</style></head>
<body><main><div class="card"><span class="tag">本地沙箱 · 不会真实扣款</span>${body}</div></main></body></html>`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function paySheetPage(res: ServerResponse, sheet: SandboxPaySheet, token: string, returnTo: string): void {
  const actions =
    sheet.state === 'pending'
      ? `<form method="post" action="${ACT_PATH}">
<input type="hidden" name="token" value="${escapeHtml(token)}"><input type="hidden" name="returnTo" value="${escapeHtml(returnTo)}">
<button class="pay" name="outcome" value="pay">确认支付</button><button class="fail" name="outcome" value="fail">支付失败</button></form>`
      : `<p>${escapeHtml(STATE_TEXT[sheet.state])}</p><p><a href="${escapeHtml(returnTo)}">返回</a></p>`;
  page(
    res,
    200,
    '确认支付',
    `<p>${escapeHtml(sheet.description)}</p><div class="amount">${escapeHtml(formatYuan(sheet.amountFen))}</div>
<p style="font-size:13px;color:#888">请在 ${escapeHtml(sheet.expiresAt.toISOString())} 前支付</p>${actions}`,
  );
}

function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        req.destroy();
        reject(new Error('form too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if ((req.headers['content-type'] ?? '').includes('application/json')) {
        try {
          const parsed: unknown = JSON.parse(text || '{}');
          const entries = typeof parsed === 'object' && parsed !== null ? Object.entries(parsed) : [];
          resolve(Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === 'string')));
        } catch {
          resolve({});
        }
        return;
      }
      resolve(Object.fromEntries(new URLSearchParams(text)));
    });
    req.on('error', reject);
  });
}

/** The pay sheet routes; false when the request is for something else. */
export async function handleSandboxPay(
  req: IncomingMessage,
  res: ServerResponse,
  gateway: SandboxPaymentGateway,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === PAY_SHEET_PATH && req.method === 'GET') {
    const token = url.searchParams.get('token') ?? '';
    const sheet = token ? gateway.paySheet(token) : null;
    if (!sheet)
      page(res, 404, '支付单不存在', '<p>支付单不存在或已失效，请返回重新下单。</p><p><a href="/">返回</a></p>');
    else paySheetPage(res, sheet, token, safeReturnTo(url.searchParams.get('returnTo')));
    return true;
  }
  if (url.pathname !== ACT_PATH) return false;
  if (req.method !== 'POST') {
    json(res, 405, { ok: false, error: { code: 'METHOD_NOT_ALLOWED', message: '请使用 POST' } });
    return true;
  }
  const wantsJson = (req.headers['content-type'] ?? '').includes('application/json');
  const form = await readForm(req);
  const returnTo = safeReturnTo(form.returnTo);
  const sheet = form.token ? gateway.paySheet(form.token) : null;
  const outcome = form.outcome === 'pay' || form.outcome === 'fail' ? form.outcome : null;
  if (!sheet || !outcome) {
    if (wantsJson) json(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: '支付单或操作无效' } });
    else page(res, 400, '操作无效', `<p>支付单或操作无效。</p><p><a href="${escapeHtml(returnTo)}">返回</a></p>`);
    return true;
  }
  try {
    const acted = await gateway.payerActs(sheet.orderNo, outcome);
    const delivered = acted.delivery.status === 'delivered';
    if (wantsJson) {
      json(res, 200, { ok: true, data: { orderNo: sheet.orderNo, outcome, delivered } });
    } else {
      const text = outcome === 'pay' ? '支付成功' : '已模拟支付失败';
      page(
        res,
        200,
        text,
        `<div class="amount">${text}</div><p><a href="${escapeHtml(returnTo)}">返回应用</a></p>`,
        returnTo,
      );
    }
  } catch (error) {
    if (!(error instanceof PaymentError)) throw error;
    if (wantsJson) json(res, 409, { ok: false, error: { code: error.code, message: error.message } });
    else
      page(
        res,
        409,
        '无法支付',
        `<p>${escapeHtml(error.message)}</p><p><a href="${escapeHtml(returnTo)}">返回</a></p>`,
      );
  }
  return true;
}
