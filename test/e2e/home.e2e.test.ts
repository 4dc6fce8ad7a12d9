import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../cloudfunctions/local/cloud';
import { demoIdNumber } from '../../cloudfunctions/local/demo-data';
import { envelopeSchema } from '../../shared/contracts/envelope';
import { output as meOutput, type MeOutput } from '../../shared/contracts/me';
import { repoRoot } from './h5-build';
import { fitsViewportWidth, launchPhone, phones, screenshot, type Phone } from './harness';

// 首页 on the local cloud at its default date (2024-11-15, 泉州台商投资区 2025 central collection):
// page → services/api.ts → POST /api/me → function → SQLite, and the app-wide pieces (demo date,
// dev login, 大字模式).
async function post(cloud: LocalCloud, name: string, openid: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${cloud.url}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Openid': openid },
    body: JSON.stringify(body),
  });
  return res.json();
}

async function phoneAs(
  cloud: LocalCloud,
  openid: string,
  viewport: { width: number; height: number } = phones.standard,
) {
  const phone = await launchPhone(viewport);
  // Only on the first load: a later dev-login switch must survive the reload it triggers.
  await phone.context.addInitScript((id) => {
    if (!window.localStorage.getItem('devOpenid')) window.localStorage.setItem('devOpenid', id);
  }, openid);
  await phone.page.goto(cloud.url);
  return phone;
}

describe.sequential('the home page on the local cloud', () => {
  let dataDir: string;
  let cloud: LocalCloud;
  let me: MeOutput;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rmi-e2e-data-'));
    cloud = await startLocalCloud({ port: 0, dataDir, rootDir: repoRoot, env: {} });
    // 周嘉欣 has registered but not paid: the home page has something to count down and something owed.
    await post(cloud, 'register', 'demo-zhou', { name: '周嘉欣', idNumber: demoIdNumber('demo-r09') });
    const reply = envelopeSchema(meOutput).parse(await post(cloud, 'me', 'demo-zhou', {}));
    if (!reply.ok) throw new Error(`me failed: ${reply.error.message}`);
    me = reply.data;
  });

  afterAll(async () => {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe.sequential('for a registered resident', () => {
    let phone: Phone;

    beforeAll(async () => {
      phone = await phoneAs(cloud, 'demo-zhou');
      await phone.page.locator('.my-policy').waitFor();
    });

    afterAll(async () => {
      await phone.close();
    });

    it('shows the demo date and who is signed in', async () => {
      await expect(phone.page.locator('.dev-date').textContent()).resolves.toBe('演示日期：2024年11月15日');
      await expect(phone.page.locator('.dev-user-name').textContent()).resolves.toBe('周嘉欣');
    });

    it('shows my locality and coverage year', async () => {
      const card = phone.page.locator('.my-policy');
      await expect(card.textContent()).resolves.toContain('泉州台商投资区2025年度城乡居民基本医保');
      await expect(card.textContent()).resolves.toContain('2025 年度，待遇期 2025年1月1日至2025年12月31日');
    });

    it('counts down to each open or coming deadline with the days the me function reports', async () => {
      const shown = me.deadlines.filter((d) => d.state !== 'closed');
      expect(shown.length).toBeGreaterThan(0);
      for (const deadline of shown) {
        const card = phone.page.locator('.deadline', { hasText: deadline.label });
        const text = await card.locator('.deadline-countdown').textContent();
        const days = deadline.state === 'open' ? deadline.daysLeft : deadline.daysUntilStart;
        expect(text).toContain(`${days} 天`);
      }
      await expect(
        phone.page.locator('.deadline', { hasText: '集中参保缴费期' }).locator('.deadline-countdown').textContent(),
      ).resolves.toBe('还剩 47 天（含今天，截至2024年12月31日）');
    });

    it('says what I owe today and offers to pay', async () => {
      const mine = phone.page.locator('.person-due', { hasText: '周嘉欣' });
      await expect(mine.locator('.badge').textContent()).resolves.toBe('已登记，未缴费');
      await expect(mine.locator('.info-row', { hasText: '今天缴费应缴' }).textContent()).resolves.toContain('¥400.00');
      await expect(phone.page.locator('.total-due .info-row').textContent()).resolves.toContain(`¥${me.totalDue}.00`);
      await expect(phone.page.getByText('去缴费', { exact: true }).count()).resolves.toBe(1);
      // IDs only masked.
      await expect(phone.page.locator('body').textContent()).resolves.not.toContain(demoIdNumber('demo-r09'));
      const shot = await screenshot(phone, 'home-registered');
      expect(shot.distinctColors).toBeGreaterThan(8);
    });

    it('keeps 大字模式 after a reload and on every page', async () => {
      const { page } = phone;
      await page.getByRole('button', { name: '大字模式已关闭，点按开启' }).click();
      await page.locator('.page.elder').waitFor();
      await page.reload();
      await page.locator('.page.elder .my-policy').waitFor();
      const sizes = await page.evaluate(() => ({
        body: parseFloat(getComputedStyle(document.querySelector('.person-notice')!).fontSize),
        button: document.querySelector('.elder-toggle')!.getBoundingClientRect().height,
      }));
      expect(sizes.body).toBeGreaterThanOrEqual(20);
      expect(sizes.button).toBeGreaterThanOrEqual(48);
      const shot = await screenshot(phone, 'home-elder');
      expect(shot.distinctColors).toBeGreaterThan(8);

      await page.getByText('参保登记', { exact: true }).click();
      await page.locator('.page.elder').getByRole('heading', { level: 1, name: '参保登记' }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: '参保登记' }).waitFor({ state: 'detached' });
      await page.getByRole('button', { name: '大字模式已开启，点按关闭' }).click();
      await page.locator('.page.elder').waitFor({ state: 'detached' });
    });

    it('switches to another demo user from the dev login', async () => {
      const { page } = phone;
      await page.getByRole('button', { name: '切换演示用户' }).click();
      await page
        .getByRole('dialog', { name: '选择演示用户' })
        .getByRole('button', { name: /^李秀英/ })
        .click();
      await page.locator('.my-name', { hasText: '李秀英，您好' }).waitFor();
      await expect(page.locator('.dev-user-name').textContent()).resolves.toBe('李秀英');
    });
  });

  it('asks a WeChat user who has not said who they are to register first', async () => {
    const phone = await phoneAs(cloud, 'demo-new');
    try {
      const card = phone.page.locator('.card', { hasText: '您还没有登记身份' });
      await card.waitFor();
      await expect(card.getByText('去参保登记', { exact: true }).count()).resolves.toBe(1);
    } finally {
      await phone.close();
    }
  });

  it('fits a 320 px wide phone in 大字模式 without sideways scrolling', async () => {
    const phone = await phoneAs(cloud, 'demo-zhou', phones.narrow);
    try {
      await phone.page.locator('.my-policy').waitFor();
      expect(await fitsViewportWidth(phone.page)).toBe(true);
      await phone.page.getByRole('button', { name: '大字模式已关闭，点按开启' }).click();
      await phone.page.locator('.page.elder').waitFor();
      expect(await fitsViewportWidth(phone.page)).toBe(true);
      const shot = await screenshot(phone, 'home-narrow-elder');
      expect(shot.distinctColors).toBeGreaterThan(8);
    } finally {
      await phone.close();
    }
  });
});
