import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../cloudfunctions/local/cloud';
import { demoIdNumber } from '../../cloudfunctions/local/demo-data';
import { launchPhone, phones, type Phone } from './harness';
import { callAs, expectScreen, openAs, startJourneyCloud } from './journey-kit';

// Journey (a), on a 320 px phone: 周嘉欣 (a Hong Kong resident living in 台商区) registers for 2025 on the
// 参保登记 page, goes on to pay, confirms, pays on the sandbox pay sheet and gets her receipt. The
// first order request's reply is lost on the way back, so paying again must reuse the same order.
const TODAY = '2024-11-15';
const idNumber = demoIdNumber('demo-r09');

const expectKeyScreen = (phone: Phone, name: string) =>
  expectScreen(phone, name, { idNumbers: [idNumber], fits: true });

describe.sequential('a resident registers and pays, on a 320 px wide phone', () => {
  let cloud: LocalCloud;
  let stop: () => Promise<void>;
  let phone: Phone;
  const createBodies: string[] = [];

  beforeAll(async () => {
    ({ cloud, stop } = await startJourneyCloud(TODAY));
    phone = await launchPhone(phones.narrow);
  });

  afterAll(async () => {
    await phone?.close();
    await stop?.();
  });

  it('registers her for 2025 and offers to pay', async () => {
    const { page } = phone;
    await openAs(page, cloud, 'demo-zhou', '/pages/register/index');
    await page.getByLabel('姓名').fill('周嘉欣');
    await page.getByLabel('身份证号码').fill(idNumber);
    await page.getByRole('button', { name: '核对并查看能否参保' }).click();
    await page.locator('.registered').waitFor();
    await expectKeyScreen(phone, 'register-pay-1-registered');
    await page.getByRole('button', { name: /^去缴费/ }).click();
    await page.getByRole('heading', { name: '家庭代缴', level: 1 }).waitFor();
  });

  it('previews her payment with the amount, cover start and clauses, and says why her account cannot pay', async () => {
    const { page } = phone;
    await page.getByRole('button', { name: '本人' }).click();
    await page.getByRole('button', { name: '下一步：查看缴费明细' }).click();
    const card = page.locator('.quoted-person', { hasText: '周嘉欣' });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('¥400.00');
    expect(text).toContain('2025年1月1日');
    expect(text).toContain('依据');
    // 家庭共济 is for relatives only: the option stays, greyed, with the backend's reason.
    expect(await page.getByRole('button', { name: /职工医保个人账户/ }).isDisabled()).toBe(true);
    await expect(page.locator('.source-reason').innerText()).resolves.toContain('只能为家人缴费');
    await expectKeyScreen(phone, 'register-pay-2-preview');
  });

  it('shows the totals before paying', async () => {
    const { page } = phone;
    await page.getByRole('button', { name: '下一步：核对并支付' }).click();
    const totals = await page.locator('.totals').innerText();
    expect(totals).toContain('缴费标准合计');
    expect(totals).toContain('应付合计（1人）');
    expect(totals).toContain('¥400.00');
    await expectKeyScreen(phone, 'register-pay-3-confirm');
  });

  it('sends the same request key again after a lost reply, so a double tap and a retry make one order', async () => {
    const { page } = phone;
    let lost = false;
    await page.route('**/api/pay', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('"create"')) createBodies.push(body);
      if (body.includes('"create"') && !lost) {
        lost = true;
        await route.fetch(); // the order is made on the server…
        await route.abort('connectionreset'); // …but the reply never reaches the phone
        return;
      }
      await route.continue();
    });
    await page.getByRole('button', { name: /^确认支付/ }).dblclick();
    await page.getByRole('alert').filter({ hasText: '网络连接失败' }).waitFor();
    expect(createBodies).toHaveLength(1);

    await page.getByRole('button', { name: /^重新支付/ }).click();
    await page.waitForURL(/\/sandbox-pay\?token=/);
    await page.unroute('**/api/pay');
    expect(createBodies).toHaveLength(2);
    const keys = createBodies.map((b) => (JSON.parse(b) as { idempotencyKey: string }).idempotencyKey);
    expect(keys[1]).toBe(keys[0]);
  });

  it('pays on the sandbox pay sheet and comes back to the result', async () => {
    const { page } = phone;
    await expect(page.locator('body').innerText()).resolves.toContain('400元');
    await expectKeyScreen(phone, 'register-pay-4-sandbox-sheet');
    await page.getByRole('button', { name: '确认支付' }).click();
    await page.getByRole('heading', { name: '缴费成功' }).waitFor({ timeout: 20_000 });
    const result = await page.locator('.result').innerText();
    expect(result).toContain('周嘉欣');
    expect(result).toContain('2025年1月1日起至2025年12月31日');
    await expectKeyScreen(phone, 'register-pay-5-paid');
  });

  it('keeps exactly one paid order and shows its receipt', async () => {
    const { page } = phone;
    const list = (await callAs(cloud, 'demo-zhou', 'orders', { action: 'list' })) as {
      orders: Array<{ state: string; total: number }>;
    };
    expect(list.orders).toEqual([expect.objectContaining({ state: 'paid', total: 400 })]);

    await page.getByRole('button', { name: '查看缴费凭证' }).click();
    await page.getByRole('heading', { name: '缴费凭证', level: 1 }).waitFor();
    await page.locator('.receipt-item').waitFor();
    const receipt = await page.locator('.receipt').innerText();
    for (const expected of ['已支付', '周嘉欣', '2025年度', '¥400.00', '交易单号', '缴费依据'])
      expect(receipt).toContain(expected);
    await expectKeyScreen(phone, 'register-pay-6-receipt');
  });

  it('lists the order in 缴费记录', async () => {
    const { page } = phone;
    await page.goto(`${cloud.url}/#/pages/orders/index`);
    const order = page.locator('.order');
    await order.waitFor();
    expect(await order.count()).toBe(1);
    await expect(order.innerText()).resolves.toContain('已支付');
    await expectKeyScreen(phone, 'register-pay-7-orders');
  });
});
