import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../cloudfunctions/local/cloud';
import { demoIdNumber } from '../../cloudfunctions/local/demo-data';
import { repoRoot } from './h5-build';
import { launchPhone, screenshot, type Phone } from './harness';

// 参保登记 for 李秀英 (demo-li), whose household (张家) has never enrolled: the form checks her ID number
// on the phone first, then the function asks her to confirm the whole household (全户参保).
describe.sequential('参保登记 for a household enrolling for the first time', () => {
  let dataDir: string;
  let cloud: LocalCloud;
  let phone: Phone;
  const calls: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rmi-e2e-register-'));
    cloud = await startLocalCloud({ port: 0, dataDir, rootDir: repoRoot, env: {} });
    phone = await launchPhone();
    await phone.context.addInitScript(() => window.localStorage.setItem('devOpenid', 'demo-li'));
    phone.page.on('request', (req) => {
      if (req.url().endsWith('/api/register')) calls.push(req.postData() ?? '');
    });
    await phone.page.goto(`${cloud.url}/#/pages/register/index`);
    await phone.page.getByRole('heading', { level: 1, name: '参保登记' }).waitFor();
  });

  afterAll(async () => {
    await phone?.close();
    await cloud?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('catches a mistyped check digit on the phone, without sending the number anywhere', async () => {
    const { page } = phone;
    const id = demoIdNumber('demo-r02');
    const wrong = id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');
    await page.getByLabel('姓名').fill('李秀英');
    await page.getByLabel('身份证号码').fill(wrong);
    await page.getByRole('button', { name: '核对并查看能否参保' }).click();
    await expect(page.locator('.field-error').textContent()).resolves.toContain('校验位不正确');
    await expect(page.getByLabel('身份证号码').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(calls).toEqual([]);
  });

  it('lists the household for 全户参保 confirmation, IDs masked, with the clause', async () => {
    const { page } = phone;
    await page.getByLabel('身份证号码').fill(demoIdNumber('demo-r02'));
    await page.getByRole('button', { name: '核对并查看能否参保' }).click();
    await page.locator('.household').waitFor();
    const text = (await page.locator('.household').textContent()) ?? '';
    expect(text).toContain('须全户参保');
    expect(text).toContain('依据：泉州台商投资区2025年度工作方案');
    // 张建国 is in employee insurance: listed, not eligible, with the reason.
    await expect(page.locator('.member', { hasText: '张*国' }).locator('.badge').textContent()).resolves.toBe(
      '不参加居民医保',
    );
    for (const resident of ['demo-r01', 'demo-r02', 'demo-r03', 'demo-r04'])
      expect(text).not.toContain(demoIdNumber(resident));
    expect(calls).toHaveLength(1);
    const shot = await screenshot(phone, 'register-household-confirm');
    expect(shot.distinctColors).toBeGreaterThan(8);
  });

  it('registers every eligible member and quotes each one for today', async () => {
    const { page } = phone;
    await page.getByRole('button', { name: '确认全户参保登记' }).click();
    await page.locator('.registered').waitFor();
    const people = page.locator('.registered-person');
    expect(await people.count()).toBeGreaterThanOrEqual(3);
    await expect(people.first().locator('.info-row', { hasText: '待遇开始' }).textContent()).resolves.toContain(
      '2025年1月1日起',
    );
    await expect(page.getByRole('button', { name: /^去缴费，合计/ }).count()).resolves.toBe(1);
    const shot = await screenshot(phone, 'register-household-registered');
    expect(shot.distinctColors).toBeGreaterThan(8);
  });
});
