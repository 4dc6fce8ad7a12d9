import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../cloudfunctions/local/cloud';
import { envelopeSchema } from '../../shared/contracts/envelope';
import { output as policiesOutput } from '../../shared/contracts/policies';
import { repoRoot } from './h5-build';
import { launchPhone, screenshot, type Phone } from './harness';

// The whole pipeline on a phone: page → services/api.ts → POST /api/policies → function → SQLite.
describe.sequential('the home page on the local cloud', () => {
  let dataDir: string;
  let cloud: LocalCloud;
  let phone: Phone;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rmi-e2e-data-'));
    cloud = await startLocalCloud({ port: 0, dataDir, rootDir: repoRoot, env: {} });
    phone = await launchPhone();
    await phone.page.goto(cloud.url);
  });

  afterAll(async () => {
    await phone.close();
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists every policy the policies function returns, with its coverage year', async () => {
    const res = await fetch(`${cloud.url}/api/policies`, { method: 'POST', body: '{}' });
    const reply = envelopeSchema(policiesOutput).parse(await res.json());
    if (!reply.ok) throw new Error(`policies failed: ${reply.error.message}`);
    const { policies } = reply.data;
    expect(policies.length).toBeGreaterThan(0);

    for (const policy of policies) {
      const card = phone.page.locator('.policy', { hasText: policy.name });
      await expect(card.textContent()).resolves.toContain(`${policy.coverageYear} 年度`);
    }
    expect(await phone.page.locator('.policy').count()).toBe(policies.length);
  });

  it('leaves a screenshot of the list', async () => {
    const shot = await screenshot(phone, 'home-policies');
    expect(shot.distinctColors).toBeGreaterThan(8);
  });
});
