import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../cloudfunctions/local/cloud';
import { repoRoot } from './h5-build';
import { fitsViewportWidth, launchPhone, phones, screenshot, type Phone } from './harness';
import { midMorning } from './journey-kit';

// Journey (c): 陈志强 (demo-chen) enrolls his daughter, born 2025-02-01, on day 60 — within the
// newborn period of 泉州台商投资区 2025 (四（五）: 出生90日内缴费，从出生之日起享受待遇).
const TODAY = '2025-04-02';
const baby = { name: '陈小满', certificateNumber: 'Q350521123', birthDate: '2025-02-01' };

async function signedInPhone(
  openid: string,
  viewport: { width: number; height: number } = phones.standard,
): Promise<Phone> {
  const phone = await launchPhone(viewport);
  await phone.context.addInitScript((id) => window.localStorage.setItem('devOpenid', id), openid);
  return phone;
}

async function fillBabyForm(phone: Phone): Promise<void> {
  const { page } = phone;
  await page.getByLabel('孩子姓名').fill(baby.name);
  await page.getByLabel('出生医学证明编号').fill(baby.certificateNumber);
  await page.getByRole('button', { name: '女', exact: true }).click();
  await page.getByLabel('出生日期').fill(baby.birthDate);
}

describe.sequential('(c) a parent enrolls a newborn on day 60', () => {
  let dataDir: string;
  let cloud: LocalCloud;
  let phone: Phone;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rmi-e2e-newborn-'));
    cloud = await startLocalCloud({ port: 0, dataDir, rootDir: repoRoot, env: { TODAY: midMorning(TODAY) } });
    phone = await signedInPhone('demo-chen');
    await phone.page.goto(cloud.url);
  });

  afterAll(async () => {
    await phone?.close();
    await cloud?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens 新生儿参保 from the home page, which shows the demo date', async () => {
    const { page } = phone;
    await expect(page.locator('.dev-date').textContent()).resolves.toBe('演示日期：2025年4月2日');
    await page.getByText('新生儿参保', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '新生儿参保' }).waitFor();
  });

  it('refuses a malformed certificate number with the contract’s Chinese message, before sending', async () => {
    const { page } = phone;
    await page.getByLabel('孩子姓名').fill(baby.name);
    await page.getByLabel('出生医学证明编号').fill('12345');
    await page.getByRole('button', { name: '查询能否参保' }).click();
    const error = page.locator('.field-error');
    await expect(error.first().textContent()).resolves.toContain('出生医学证明编号应为1个英文字母加9位数字');
    await expect(error.allTextContents()).resolves.toContain('请选择性别');
  });

  it('answers up front: 60 days old, within 90 days, covered from the birth date', async () => {
    const { page } = phone;
    await fillBabyForm(phone);
    await page.getByRole('button', { name: '查询能否参保' }).click();
    const answer = page.locator('.newborn-answer');
    await answer.waitFor();
    const text = await answer.textContent();
    expect(text).toContain('陈小满已出生 60 天，在出生 90 天内');
    expect(text).toContain('最迟2025年5月2日缴费（还有 30 天）');
    expect(text).toContain('自出生之日（2025年2月1日）起享受待遇');
    expect(text).toContain('泉州台商投资区2025年度工作方案 四（五）');

    const year = page.locator('.newborn-year', { hasText: '2025 年度' });
    await expect(year.locator('.info-row', { hasText: '待遇开始' }).textContent()).resolves.toContain('2025年2月1日起');
    await expect(year.locator('.info-row', { hasText: '个人应缴' }).textContent()).resolves.toContain('¥400.00');
    // The certificate number is only ever shown masked.
    const body = await page.locator('body').textContent();
    expect(body).not.toContain(baby.certificateNumber);
    expect(body).toContain('******1123');

    const shot = await screenshot(phone, 'newborn-day60-answer');
    expect(shot.distinctColors).toBeGreaterThan(8);
    expect(shot.dominantShare).toBeLessThan(0.98);
  });

  it('enrolls the baby for 2025 and offers to pay', async () => {
    const { page } = phone;
    await page.getByRole('button', { name: '我是孩子的父母，为孩子办理参保' }).click();
    const done = page.locator('.notice-good', { hasText: '已为陈小满办理参保登记' });
    await done.waitFor();
    await expect(page.getByRole('button', { name: '去缴费，¥400.00' }).count()).resolves.toBe(1);
    await expect(page.locator('.newborn-year .badge').textContent()).resolves.toBe('已为孩子登记，待缴费');

    const shot = await screenshot(phone, 'newborn-enrolled');
    expect(shot.distinctColors).toBeGreaterThan(8);
  });

  it('shows the baby in 待遇查询, where paying today covers her from her birth date', async () => {
    const { page } = phone;
    await page.goto(`${cloud.url}/#/pages/benefits/index`);
    const person = page.locator('.person-benefits', { hasText: baby.name });
    await person.waitFor();
    await expect(person.locator('.year-status .badge').textContent()).resolves.toBe('已登记，未缴费');
    await expect(person.locator('.today-quote .info-row', { hasText: '待遇开始' }).textContent()).resolves.toContain(
      '2025年2月1日起',
    );
    const shot = await screenshot(phone, 'newborn-benefits');
    expect(shot.distinctColors).toBeGreaterThan(8);
  });
});

describe.sequential('(c) on a 320 px wide phone', () => {
  let dataDir: string;
  let cloud: LocalCloud;
  let phone: Phone;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rmi-e2e-newborn-narrow-'));
    cloud = await startLocalCloud({ port: 0, dataDir, rootDir: repoRoot, env: { TODAY: midMorning(TODAY) } });
    phone = await signedInPhone('demo-chen', phones.narrow);
    await phone.page.goto(`${cloud.url}/#/pages/newborn/index`);
    await phone.page.getByRole('heading', { level: 1, name: '新生儿参保' }).waitFor();
  });

  afterAll(async () => {
    await phone?.close();
    await cloud?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fits the form and the answer without sideways scrolling, in elder mode too', async () => {
    const { page } = phone;
    expect(await fitsViewportWidth(page)).toBe(true);
    await fillBabyForm(phone);
    await page.getByRole('button', { name: '查询能否参保' }).click();
    await page.locator('.newborn-answer').waitFor();
    expect(await fitsViewportWidth(page)).toBe(true);

    await page.getByRole('button', { name: '大字模式已关闭，点按开启' }).click();
    await page.locator('.page.elder').first().waitFor();
    expect(await fitsViewportWidth(page)).toBe(true);
    const shot = await screenshot(phone, 'newborn-day60-narrow-elder');
    expect(shot.distinctColors).toBeGreaterThan(8);
  });
});
