import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '../../cloudfunctions/local/demo-data';
import type { LocalCloud } from '../../cloudfunctions/local/cloud';
import { launchPhone, type Phone } from './harness';
import { callAs, expectScreen, openAs, startJourneyCloud } from './journey-kit';

// Journey (b): 张建国 binds his daughter 张丽 (18: she must agree from her own WeChat) and his son
// 张小明 (12: bound at once by the guardian); 张丽 confirms from her own login; one payment covers both.
const TODAY = '2024-11-15';
const daughterId = demoIdNumber('demo-r03');
const sonId = demoIdNumber('demo-r04');

describe.sequential('a resident binds two relatives, one confirms, one payment covers both', () => {
  let cloud: LocalCloud;
  let stop: () => Promise<void>;
  let phone: Phone;
  let code = '';

  beforeAll(async () => {
    ({ cloud, stop } = await startJourneyCloud(TODAY));
    // The household registered for 2025 first (李秀英 for everyone eligible: 张建国 himself is in 职工医保).
    await callAs(cloud, 'demo-li', 'register', {
      name: '李秀英',
      idNumber: demoIdNumber('demo-r02'),
      wholeHousehold: true,
    });
    phone = await launchPhone();
  });

  afterAll(async () => {
    await phone?.close();
    await stop?.();
  });

  it('gives 张建国 a one-time code to pass on when he binds his 18-year-old daughter', async () => {
    const { page } = phone;
    await openAs(page, cloud, 'demo-zhang', '/pages/family/index');
    await page.getByLabel('家人姓名').fill('张丽');
    await page.getByLabel('家人身份证号码').fill(daughterId);
    await page.getByRole('button', { name: '子女', exact: true }).click();
    await page.getByRole('button', { name: '绑定', exact: true }).click();

    const codeBox = page.locator('.consent-code');
    await codeBox.waitFor();
    code = (await codeBox.innerText()).trim();
    expect(code).toMatch(/^\d{6}$/);
    await expect(page.locator('.consent-issued').innerText()).resolves.toContain('请把授权码告诉张*');
    await expectScreen(phone, 'family-pay-1-consent-code', { idNumbers: [daughterId] });
    await page.getByRole('button', { name: '完成' }).click();
  });

  it('binds his 12-year-old son at once, as the guardian', async () => {
    const { page } = phone;
    // A fresh, empty form after 完成, not the one being taken down.
    await expect.poll(() => page.getByLabel('家人姓名').inputValue()).toBe('');
    await page.getByLabel('家人姓名').fill('张小明');
    await page.getByLabel('家人身份证号码').fill(sonId);
    await page.getByRole('button', { name: '子女', exact: true }).click();
    await page.getByRole('button', { name: '绑定', exact: true }).click();
    const issued = page.locator('.consent-issued', { hasText: '监护人' });
    const refused = page.locator('.form-error');
    await issued.or(refused).first().waitFor();
    expect(await refused.allInnerTexts(), 'the page refused the binding').toEqual([]);
    expect(await page.locator('.consent-code').count()).toBe(0);
    await page.getByRole('button', { name: '完成' }).click();

    const son = page.locator('.relative', { hasText: '张小明' });
    await expect(son.innerText()).resolves.toContain('已绑定（监护人绑定）');
    const daughter = page.locator('.relative', { hasText: '张*' });
    await expect(daughter.innerText()).resolves.toContain('等待家人确认');
  });

  it('lets 张丽 confirm from her own login with the code', async () => {
    const { page } = phone;
    // The dev login, as a tester would switch: 切换用户 → 张丽.
    await page.getByRole('button', { name: '切换演示用户' }).click();
    await page.getByRole('button', { name: /^张丽/ }).click();
    await page.locator('.request', { hasText: '张*国申请将您绑定为其子女' }).waitFor();
    await page.locator('.request input').fill(code);
    await expectScreen(phone, 'family-pay-2-daughter-confirms', { idNumbers: [daughterId, sonId] });
    await page.getByRole('button', { name: '同意绑定' }).click();
    await page.locator('.notice', { hasText: '已同意绑定' }).waitFor();
    await expect(page.locator('.request').innerText()).resolves.toContain('您已同意');
  });

  it('shows 张建国 both children bound, and previews one payment for both with the breakdown', async () => {
    const { page } = phone;
    await openAs(page, cloud, 'demo-zhang', '/pages/family/index');
    await expect(page.locator('.relative', { hasText: '张丽' }).innerText()).resolves.toContain('本人已同意');

    await page.getByRole('button', { name: '为家人缴费' }).click();
    await page.getByRole('button', { name: /^张丽/ }).click();
    await page.getByRole('button', { name: /^张小明/ }).click();
    await page.getByRole('button', { name: '下一步：查看缴费明细' }).click();

    const cards = page.locator('.quoted-person');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(2);
    for (const name of ['张丽', '张小明']) {
      const text = await cards.filter({ hasText: name }).innerText();
      expect(text).toContain('个人缴费标准');
      expect(text).toContain('应缴金额');
      expect(text).toContain('待遇开始');
      expect(text).toContain('2025年1月1日');
      expect(text).toContain('依据');
    }
    await expectScreen(phone, 'family-pay-3-preview', { idNumbers: [daughterId, sonId] });
  });

  it('pays for both from his employee account (家庭共济) after a confirmation with the totals', async () => {
    const { page } = phone;
    const account = page.getByRole('button', { name: /职工医保个人账户/ });
    expect(await account.isEnabled()).toBe(true);
    await account.click();
    await page.getByRole('button', { name: '下一步：核对并支付' }).click();

    const totals = page.locator('.totals');
    await totals.waitFor();
    const totalsText = await totals.innerText();
    expect(totalsText).toContain('应付合计（2人）');
    expect(totalsText).toContain('职工医保个人账户（家庭共济）');
    await expectScreen(phone, 'family-pay-4-confirm', { idNumbers: [daughterId, sonId] });

    await page.getByRole('button', { name: /^确认支付/ }).click();
    await page.getByRole('heading', { name: '缴费成功' }).waitFor();
    const result = await page.locator('.result').innerText();
    expect(result).toContain('张丽');
    expect(result).toContain('张小明');
    await expectScreen(phone, 'family-pay-5-paid', { idNumbers: [daughterId, sonId] });
  });

  it('keeps one order for both, with a receipt naming each of them, masked', async () => {
    const { page } = phone;
    const list = (await callAs(cloud, 'demo-zhang', 'orders', { action: 'list' })) as {
      orders: Array<{ state: string; names: string[] }>;
    };
    expect(list.orders).toHaveLength(1);
    expect(list.orders[0]?.state).toBe('paid');
    expect(list.orders[0]?.names.sort()).toEqual(['张丽', '张小明'].sort());

    await page.getByRole('button', { name: '查看缴费凭证' }).click();
    await page.getByRole('heading', { name: '缴费凭证', level: 1 }).waitFor();
    await page.locator('.receipt-item').nth(1).waitFor();
    const receipt = await page.locator('.receipt').innerText();
    expect(receipt).toContain('张建国');
    expect(receipt).toContain('2025年度');
    expect(receipt).toContain('缴费依据');
    await expectScreen(phone, 'family-pay-6-receipt', { idNumbers: [daughterId, sonId], fits: true });
  });

  it('unbinds a relative only after a confirmation on the page', async () => {
    const { page } = phone;
    await page.goto(`${cloud.url}/#/pages/family/index`);
    const son = page.locator('.relative', { hasText: '张小明' });
    await son.getByRole('button', { name: '解除与张小明的绑定' }).click();
    const dialog = page.getByRole('alertdialog', { name: '解除绑定' });
    await expect(dialog.innerText()).resolves.toContain('确定解除与张小明的绑定吗');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await son.count()).toBe(1);

    await son.getByRole('button', { name: '解除与张小明的绑定' }).click();
    await page.getByRole('alertdialog', { name: '解除绑定' }).getByRole('button', { name: '确定解除' }).click();
    await page.locator('.notice', { hasText: '已解除绑定' }).waitFor();
    await son.waitFor({ state: 'detached' });
    await expect(page.locator('.relative').innerText()).resolves.toContain('张丽');
  });
});
