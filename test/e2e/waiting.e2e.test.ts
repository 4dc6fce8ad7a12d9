import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../cloudfunctions/local/cloud';
import { demoIdNumber } from '../../cloudfunctions/local/demo-data';
import { envelopeSchema } from '../../shared/contracts/envelope';
import { output as payOutput } from '../../shared/contracts/pay';
import { output as registerOutput } from '../../shared/contracts/register';
import { repoRoot } from './h5-build';
import { fitsViewportWidth, launchPhone, phones, screenshot, type Phone } from './harness';
import { midMorning } from './journey-kit';

// Journey (d): 周嘉欣 (demo-zhou, 香港居民 living in 泉州台商投资区) registers and pays on 2025-03-10, in
// the 参保补缴期 (一（三）: 3个月等待期), through the real functions and the sandbox pay sheet. Five weeks
// later (the local cloud restarted on the same data with TODAY=2025-04-15) 待遇查询 shows the days of
// waiting left until cover starts on 2025-06-11, and the clause.
const PAID_ON = '2025-03-10';
const TODAY = '2025-04-15';
const OPENID = 'demo-zhou';

async function callAs<T>(cloud: LocalCloud, name: string, body: unknown, parse: (json: unknown) => T): Promise<T> {
  const res = await fetch(`${cloud.url}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Openid': OPENID },
    body: JSON.stringify(body),
  });
  return parse(await res.json());
}

/** Register and pay as the resident would, with the sandbox payer tapping 确认支付. */
async function registerAndPay(cloud: LocalCloud): Promise<void> {
  const registered = await callAs(cloud, 'register', { name: '周嘉欣', idNumber: demoIdNumber('demo-r09') }, (json) =>
    envelopeSchema(registerOutput).parse(json),
  );
  if (!registered.ok) throw new Error(`register: ${registered.error.message}`);

  const created = await callAs(
    cloud,
    'pay',
    { action: 'create', people: [{ residentRef: 'self' }], source: 'wechat', idempotencyKey: 'e2e-waiting-journey' },
    (json) => envelopeSchema(payOutput).parse(json),
  );
  if (!created.ok || created.data.action !== 'create') throw new Error(`pay.create: ${JSON.stringify(created)}`);
  const { order, payParams: params } = created.data;
  if (params?.kind !== 'sandbox') throw new Error('expected the sandbox pay sheet');

  const acted = await fetch(`${cloud.url}/sandbox-pay/act`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: params.token, outcome: 'pay' }),
  });
  expect(acted.status).toBe(200);

  const status = await callAs(cloud, 'pay', { action: 'status', orderNo: order.orderNo }, (json) =>
    envelopeSchema(payOutput).parse(json),
  );
  if (!status.ok || status.data.action !== 'status') throw new Error(`pay.status: ${JSON.stringify(status)}`);
  expect(status.data.order.state).toBe('paid');
}

async function openBenefits(cloud: LocalCloud, viewport: { width: number; height: number }): Promise<Phone> {
  const phone = await launchPhone(viewport);
  await phone.context.addInitScript((id) => window.localStorage.setItem('devOpenid', id), OPENID);
  await phone.page.goto(`${cloud.url}/#/pages/benefits/index`);
  await phone.page.getByRole('heading', { level: 1, name: '待遇查询' }).waitFor();
  return phone;
}

describe.sequential('(d) a resident who paid after 1 March sees the days of waiting left', () => {
  let dataDir: string;
  let cloud: LocalCloud;
  let phone: Phone;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rmi-e2e-waiting-'));
    const payDay = await startLocalCloud({ port: 0, dataDir, rootDir: repoRoot, env: { TODAY: midMorning(PAID_ON) } });
    try {
      await registerAndPay(payDay);
    } finally {
      await payDay.close();
    }
    cloud = await startLocalCloud({ port: 0, dataDir, rootDir: repoRoot, env: { TODAY: midMorning(TODAY) } });
    phone = await openBenefits(cloud, phones.standard);
  });

  afterAll(async () => {
    await phone?.close();
    await cloud?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the 2025 payment: paid on 10 March, ¥400.00, cover from 11 June', async () => {
    const year = phone.page
      .locator('.person-benefits', { hasText: '周嘉欣' })
      .locator('.year-status', { hasText: '2025 年度' });
    await year.waitFor();
    await expect(year.locator('.badge').textContent()).resolves.toBe('已缴费，2025年6月11日起享受待遇');
    await expect(year.locator('.info-row', { hasText: '缴费日期' }).textContent()).resolves.toContain('2025年3月10日');
    await expect(year.locator('.info-row', { hasText: '缴费金额' }).textContent()).resolves.toContain('¥400.00');
    await expect(year.locator('.info-row', { hasText: '待遇期' }).textContent()).resolves.toContain(
      '2025年6月11日至2025年12月31日',
    );
    await expect(year.locator('.info-row', { hasText: '今天' }).textContent()).resolves.toContain('尚不能享受待遇');
  });

  it('counts 57 days of waiting left as of 15 April', async () => {
    const waiting = phone.page.locator('.waiting');
    await expect(waiting.getAttribute('aria-label')).resolves.toBe('等待期还剩57天');
    await expect(waiting.locator('.waiting-days').textContent()).resolves.toBe('57 天');
    await expect(waiting.locator('.waiting-text').textContent()).resolves.toBe(
      '还需等待 57 天，2025年6月11日起享受待遇',
    );
  });

  it('cites the clause that set the waiting period', async () => {
    const clause = phone.page.locator('.year-status .clause', { hasText: '等待期3个月' });
    await expect(clause.locator('.clause-source').textContent()).resolves.toBe(
      '依据：泉州台商投资区2025年度工作方案 一（三）',
    );
    const shot = await screenshot(phone, 'waiting-days-left');
    expect(shot.distinctColors).toBeGreaterThan(8);
    expect(shot.dominantShare).toBeLessThan(0.98);
  });

  it('warns, before anyone pays, that paying in mid-October would buy no cover in 2025', async () => {
    const { page } = phone;
    await page.getByRole('button', { name: '泉州台商投资区2025年度城乡居民基本医保' }).click();
    await page.getByLabel('缴费日期').fill('2025-10-15');
    await page.getByRole('button', { name: '开始试算', exact: true }).click();
    const answer = page.getByRole('region', { name: '试算结果' });
    await answer.waitFor();
    await answer.scrollIntoViewIfNeeded();
    await expect(answer.getByRole('heading', { level: 2 }).first().textContent()).resolves.toBe('2025年10月15日缴费');
    await expect(answer.locator('.info-row', { hasText: '待遇开始' }).textContent()).resolves.toContain(
      '2025年度不享受待遇',
    );
    await expect(answer.locator('.info-row', { hasText: '等待期' }).textContent()).resolves.toContain(
      '3 个月（至2026年1月15日）',
    );
    expect((await answer.locator('.warning').count()) > 0).toBe(true);
    await expect(answer.locator('.clause-source').allTextContents()).resolves.toContain(
      '依据：泉州台商投资区2025年度工作方案 一（三）',
    );
    const shot = await screenshot(phone, 'waiting-calculator-no-cover');
    expect(shot.distinctColors).toBeGreaterThan(8);
  });

  it('fits a 320 px wide phone without sideways scrolling', async () => {
    const narrow = await openBenefits(cloud, phones.narrow);
    try {
      await narrow.page.locator('.waiting').waitFor();
      expect(await fitsViewportWidth(narrow.page)).toBe(true);
      const shot = await screenshot(narrow, 'waiting-days-left-narrow');
      expect(shot.distinctColors).toBeGreaterThan(8);
    } finally {
      await narrow.close();
    }
  });
});
