/**
 * First contentful paint of the H5 app, served by the local cloud as `npm start` serves it, measured
 * by Debian's Chromium at phone size: the median of 5 cold loads (a fresh browser context each time,
 * so nothing is cached), then the same with the CPU slowed 4× through the DevTools protocol to
 * approximate a cheap phone. The network is loopback: this is the app's own start-up cost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { fixedClock } from '../../cloudfunctions/lib/clock';
import { createLogger } from '../../cloudfunctions/lib/pii';
import { startLocalCloud } from '../../cloudfunctions/local/cloud';
import { ensureFreshH5Build, repoRoot } from '../e2e/h5-build';
import { CHROMIUM_ARGS, phones } from '../e2e/harness';

const LOADS = 5;
const THROTTLED_RATE = 4;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** One cold load: a new context (empty cache and storage), optionally CPU-throttled; FCP in ms. */
async function coldLoad(browser: Browser, url: string, cpuThrottling: number): Promise<number> {
  const context = await browser.newContext({
    viewport: phones.standard,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  try {
    const page = await context.newPage();
    if (cpuThrottling > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottling });
    }
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const entry = performance.getEntriesByName('first-contentful-paint')[0];
          if (entry) {
            resolve(entry.startTime);
            return;
          }
          new PerformanceObserver((list) => {
            const paint = list.getEntriesByName('first-contentful-paint')[0];
            if (paint) resolve(paint.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
  } finally {
    await context.close();
  }
}

export async function benchFcp(): Promise<Record<string, number>> {
  ensureFreshH5Build();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-fcp-'));
  const cloud = await startLocalCloud({
    port: 0,
    rootDir: repoRoot,
    dataDir,
    env: {},
    clock: fixedClock('2024-11-15'),
    log: createLogger({}, () => undefined),
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    await coldLoad(browser, `${cloud.url}/`, 1); // warm-up: the OS file cache and Chromium itself, not the page
    const runs: Record<'plain' | 'throttled', number[]> = { plain: [], throttled: [] };
    for (let i = 0; i < LOADS; i += 1) runs.plain.push(await coldLoad(browser, `${cloud.url}/`, 1));
    for (let i = 0; i < LOADS; i += 1) runs.throttled.push(await coldLoad(browser, `${cloud.url}/`, THROTTLED_RATE));
    const plain = Math.round(median(runs.plain));
    const throttled = Math.round(median(runs.throttled));
    const list = (values: number[]) => values.map((v) => Math.round(v)).join(', ');
    console.log(
      `fcp: H5 first contentful paint, median of ${LOADS} cold loads: ${plain} ms (runs ${list(runs.plain)} ms)`,
    );
    console.log(
      `fcp: H5 first contentful paint with ${THROTTLED_RATE}× CPU throttling (cheap phone): ${throttled} ms (runs ${list(runs.throttled)} ms)`,
    );
    return { fcpMs: plain, fcpThrottledMs: throttled };
  } finally {
    await browser.close();
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
