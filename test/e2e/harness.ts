import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const screenshotDir = path.resolve(__dirname, 'screenshots');

/** Phone sizes the app must work at: a common phone, and the 320 px minimum width. */
export const phones = {
  standard: { width: 375, height: 740 },
  narrow: { width: 320, height: 640 },
} as const;

export interface Phone {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/**
 * Starts Debian's Chromium as a phone-sized, touch-enabled browser with a fresh profile, so no
 * storage (dev login, elder mode) leaks between tests. Playwright refuses `--user-data-dir` in
 * `args`; a persistent context on a new temp folder is the same thing said its way.
 */
/**
 * Headless comes from `headless: true`; the rest keep Chromium off the network this machine does not have
 * (background services, component updates, sync) and out of the sandbox root cannot use.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchPhone(viewport: { width: number; height: number } = phones.standard): Promise<Phone> {
  const profile = mkdtempSync(path.join(tmpdir(), 'rmi-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface ScreenshotStats {
  file: string;
  /** Distinct colours after a 4-bit-per-channel quantisation of a downscaled copy. */
  distinctColors: number;
  /** Share of pixels in the most common colour: near 1 means an empty screen. */
  dominantShare: number;
}

/**
 * Saves a screenshot to test/e2e/screenshots/<name>.png and measures how much is on it, decoding the
 * PNG in the browser's own canvas (no image library needed).
 */
export async function screenshot(phone: Phone, name: string): Promise<ScreenshotStats> {
  mkdirSync(screenshotDir, { recursive: true });
  const png = await phone.page.screenshot({ animations: 'disabled' });
  const file = path.join(screenshotDir, `${name}.png`);
  writeFileSync(file, png);

  const scratch = await phone.context.newPage();
  try {
    const stats = await scratch.evaluate(
      async (dataUrl) => {
        const img = new Image();
        img.src = dataUrl;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.round(img.width / 2));
        canvas.height = Math.max(1, Math.round(img.height / 2));
        const g = canvas.getContext('2d');
        if (!g) throw new Error('canvas 2d context unavailable');
        g.drawImage(img, 0, 0, canvas.width, canvas.height);
        const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
        const counts = new Map<number, number>();
        for (let i = 0; i < data.length; i += 4) {
          const key = ((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        return { distinctColors: counts.size, dominantShare: Math.max(...counts.values()) / (data.length / 4) };
      },
      `data:image/png;base64,${png.toString('base64')}`,
    );
    return { file, ...stats };
  } finally {
    await scratch.close();
  }
}

/** True when nothing on the page is wider than the viewport (no sideways scrolling on a narrow phone). */
export async function fitsViewportWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
