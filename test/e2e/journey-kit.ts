import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../cloudfunctions/local/cloud';
import { repoRoot } from './h5-build';
import { fitsViewportWidth, screenshot, type Phone } from './harness';

/** `TODAY` at 10:00 Shanghai time, so a journey never meets the refusal of new orders just before midnight. */
export function midMorning(today: string): string {
  return `${today}T10:00`;
}

/** The local cloud as `npm start` runs it (sandbox payments included), on a fresh data folder and a fixed TODAY. */
export async function startJourneyCloud(today: string): Promise<{ cloud: LocalCloud; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rmi-e2e-journey-'));
  const cloud = await startLocalCloud({ port: 0, dataDir, rootDir: repoRoot, env: { TODAY: midMorning(today) } });
  return {
    cloud,
    stop: async () => {
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A function call as a given demo user, for setting the scene and checking what the pages did. */
export async function callAs(cloud: LocalCloud, openid: string, name: string, event: unknown): Promise<unknown> {
  const res = await fetch(`${cloud.url}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Openid': openid },
    body: JSON.stringify(event),
  });
  const reply = (await res.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
  if (!reply.ok) throw new Error(`${name} failed for ${openid}: ${reply.error?.message}`);
  return reply.data;
}

/** Signs in through the dev login's storage key, as the DevBar does, and opens a page of the app. */
export async function openAs(page: Page, cloud: LocalCloud, openid: string, route: string): Promise<void> {
  await page.goto(cloud.url);
  await page.evaluate((id) => window.localStorage.setItem('devOpenid', id), openid);
  await page.goto(`${cloud.url}/#${route}`);
  await page.reload();
}

/** Whole ID numbers must never reach the screen: only masked ones ('350***********1234'). */
export async function expectNoWholeIdNumbers(page: Page, idNumbers: readonly string[]): Promise<void> {
  const text = await page.locator('body').innerText();
  for (const id of idNumbers) expect(text).not.toContain(id);
  expect(text).not.toMatch(/\d{17}[\dX]/);
}

/** Taro's H5 router slides a new page in; a screenshot taken mid-slide shows an empty screen. */
export async function waitForPageSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/**
 * A key screen of a journey: settled, no whole ID number on it, optionally no sideways scrolling,
 * saved under test/e2e/screenshots/ and checked to show something.
 */
export async function expectScreen(
  phone: Phone,
  name: string,
  options: { idNumbers: readonly string[]; fits?: boolean },
): Promise<void> {
  await waitForPageSettled(phone.page);
  await expectNoWholeIdNumbers(phone.page, options.idNumbers);
  if (options.fits) expect(await fitsViewportWidth(phone.page)).toBe(true);
  const shot = await screenshot(phone, name);
  expect(shot.distinctColors).toBeGreaterThan(8);
  expect(shot.dominantShare).toBeLessThan(0.98);
}
