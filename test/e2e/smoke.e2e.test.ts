import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { h5Dist } from './h5-build';
import { fitsViewportWidth, launchPhone, phones, screenshot, type Phone } from './harness';
import { serveDirectory, type StaticServer } from './static-server';

// The H5 build on its own, before the local cloud exists: the app shell must render and the
// home page must say plainly, in Chinese, that it could not load the policy list.
describe.sequential('the H5 build served as static files', () => {
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveDirectory(h5Dist);
  });

  afterAll(async () => {
    await server.close();
  });

  it('posts the call as JSON to /api/<name> with the dev login as X-Openid', async () => {
    const phone = await launchPhone();
    try {
      await phone.page.goto(server.url);
      await phone.page.evaluate(() => window.localStorage.setItem('devOpenid', 'o-e2e-resident'));
      await phone.page.reload();
      await phone.page.getByRole('alert').waitFor();
      const call = server.apiRequests.find((r) => r.openid === 'o-e2e-resident');
      expect(call).toEqual({ method: 'POST', path: '/api/me', openid: 'o-e2e-resident', body: '{}' });
    } finally {
      await phone.close();
    }
  });

  for (const [size, viewport] of Object.entries(phones)) {
    describe.sequential(`on a ${viewport.width} px wide phone`, () => {
      let phone: Phone;

      beforeAll(async () => {
        phone = await launchPhone(viewport);
        await phone.page.goto(server.url);
      });

      afterAll(async () => {
        await phone.close();
      });

      it('renders the home page title as a level-one heading', async () => {
        await expect(phone.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('城乡居民医保');
        expect(await phone.page.title()).toBe('城乡居民医保');
      });

      it('shows a Chinese error with a retry button when the functions are not there', async () => {
        const alert = phone.page.getByRole('alert');
        await expect(alert.textContent()).resolves.toContain('服务返回的数据无法识别');
        expect(await alert.getByText('重试', { exact: true }).count()).toBe(1);
      });

      it('leaves a screenshot that is not blank', async () => {
        const shot = await screenshot(phone, `smoke-home-${size}`);
        expect(shot.distinctColors).toBeGreaterThan(8);
        expect(shot.dominantShare).toBeLessThan(0.98);
      });

      it('opens 参保登记 from the home page and comes back', async () => {
        await phone.page.getByText('参保登记', { exact: true }).click();
        await phone.page.getByRole('heading', { level: 1, name: '参保登记' }).waitFor();
        await phone.page.goBack();
        await phone.page.getByRole('heading', { level: 1, name: '城乡居民医保' }).waitFor();
        await phone.page.getByRole('heading', { level: 1, name: '参保登记' }).waitFor({ state: 'detached' });
      });

      it('fits the screen width without sideways scrolling', async () => {
        expect(await fitsViewportWidth(phone.page)).toBe(true);
      });
    });
  }
});
