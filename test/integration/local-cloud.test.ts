import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { success } from '../../shared/contracts/envelope';
import { parseIdNumber } from '../../shared/id';
import { fixedClock } from '../../cloudfunctions/lib/clock';
import { defineFunction } from '../../cloudfunctions/lib/handler';
import { createLogger } from '../../cloudfunctions/lib/pii';
import { startLocalCloud, MAX_BODY_BYTES, type LocalCloud } from '../../cloudfunctions/local/cloud';
import { DEMO_PEOPLE, DEMO_USERS, demoIdNumber, syntheticIdNumber } from '../../cloudfunctions/local/demo-data';
import { functions } from '../../cloudfunctions/local/registry';

/** Test-only function: tells who the platform says is calling. */
const whoami = defineFunction({
  name: 'whoami',
  input: z.object({}).strict(),
  output: z.object({ openid: z.string().nullable() }),
  run: async (_input, ctx) => success({ openid: ctx.openid }),
});

const quiet = createLogger({}, () => undefined);

async function post(cloud: LocalCloud, path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${cloud.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the local cloud', () => {
  let root: string;
  let dataDir: string;
  let cloud: LocalCloud;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'local-cloud-root-'));
    dataDir = join(root, '.data');
    cloud = await startLocalCloud({
      port: 0,
      rootDir: root,
      dataDir,
      env: {},
      clock: fixedClock('2024-11-15'),
      functions: { ...functions, whoami },
      log: quiet,
    });
  });

  afterAll(async () => {
    await cloud.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers its health check', async () => {
    const res = await fetch(`${cloud.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', today: '2024-11-15' });
  });

  it('tells the demo banner its date and the dev login its accounts', async () => {
    const res = await fetch(`${cloud.url}/api/_meta`);
    const meta = (await res.json()) as { today: string; localMode: boolean; demoUsers: { openid: string }[] };
    expect(meta.today).toBe('2024-11-15');
    expect(meta.localMode).toBe(true);
    expect(meta.demoUsers.map((u) => u.openid)).toEqual(DEMO_USERS.map((u) => u.openid));
  });

  it('serves the policy catalogue', async () => {
    const { status, body } = await post(cloud, '/api/policies', '{}');
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    const ids = (body.data as { policies: { id: string }[] }).policies.map((p) => p.id);
    expect(ids).toContain('fj-quanzhou-taishang-2025');
    expect(ids).toHaveLength(5);
  });

  it('quotes a payment in the central window', async () => {
    const event = { policyId: 'fj-quanzhou-taishang-2025', payDate: '2024-11-15', person: { birthDate: '1980-07-22' } };
    const { status, body } = await post(cloud, '/api/quote', JSON.stringify(event));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      data: { policyId: 'fj-quanzhou-taishang-2025', payable: true, coverageStart: '2025-01-01' },
    });
  });

  it('checks an ID number against the clock’s today, not the server’s', async () => {
    // Born the day after the pinned today: an ID number from the future.
    const future = syntheticIdNumber('350521', '2024-11-16', 998);
    const event = { policyId: 'fj-quanzhou-taishang-2025', payDate: '2024-11-15', person: { idNumber: future } };
    const { body } = await post(cloud, '/api/quote', JSON.stringify(event));
    expect(body.ok).toBe(false);
    expect(body.error).toMatchObject({ code: 'INVALID_ID_NUMBER', message: expect.stringContaining('晚于今天') });
  });

  it('answers an invalid event with HTTP 200 and a Chinese INVALID_INPUT envelope', async () => {
    const { status, body } = await post(
      cloud,
      '/api/quote',
      JSON.stringify({ policyId: 'fj-youxi-2024', payDate: '2024-13-01', person: {} }),
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fff]/) },
    });
  });

  it('treats an empty body as an empty event', async () => {
    const { status, body } = await post(cloud, '/api/policies', '');
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
  });

  it('answers 404 with an envelope for an unknown function', async () => {
    const { status, body } = await post(cloud, '/api/nosuchfunction', '{}');
    expect(status).toBe(404);
    expect(body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FUNCTION' } });
  });

  it('answers 400 with an envelope for a body that is not JSON', async () => {
    const { status, body } = await post(cloud, '/api/quote', '{"policyId":');
    expect(status).toBe(400);
    expect(body).toEqual({ ok: false, error: { code: 'BAD_JSON', message: '请求内容不是有效的 JSON' } });
  });

  it('answers 413 for a body over 64 KB', async () => {
    const { status, body } = await post(cloud, '/api/quote', JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(status).toBe(413);
    expect(body).toMatchObject({ ok: false, error: { code: 'BODY_TOO_LARGE' } });
  });

  it('answers 405 when a function is not called with POST', async () => {
    const res = await fetch(`${cloud.url}/api/quote`);
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'METHOD_NOT_ALLOWED' } });
  });

  it('takes the caller from the X-Openid header of the dev login', async () => {
    expect((await post(cloud, '/api/whoami', '{}', { 'X-Openid': 'demo-zhang' })).body).toEqual({
      ok: true,
      data: { openid: 'demo-zhang' },
    });
    expect((await post(cloud, '/api/whoami', '{}')).body).toEqual({ ok: true, data: { openid: null } });
    expect((await post(cloud, '/api/whoami', '{}', { 'X-Openid': 'not an openid!' })).body).toEqual({
      ok: true,
      data: { openid: null },
    });
  });

  it('never takes the caller from the event', async () => {
    const { body } = await post(cloud, '/api/whoami', JSON.stringify({ openid: 'demo-wang' }), {
      'X-Openid': 'demo-zhang',
    });
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const platformField = await post(cloud, '/api/whoami', JSON.stringify({ userInfo: { openId: 'demo-wang' } }));
    expect(platformField.body).toEqual({ ok: true, data: { openid: null } });
  });

  it('shows a placeholder page when the H5 app is not built', async () => {
    const res = await fetch(`${cloud.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm run build:h5');
  });

  it('seeds the demo registry once, with valid synthetic ID numbers stored sealed', async () => {
    const { storage, pii } = cloud.deps;
    for (const person of DEMO_PEOPLE) {
      const idNumber = demoIdNumber(person.id);
      const parsed = parseIdNumber(idNumber, '2024-11-15');
      expect(parsed.ok, `${person.name}: ${parsed.ok ? '' : parsed.message}`).toBe(true);
      if (parsed.ok) expect(parsed.value.birthDate).toBe(person.birthDate);
      const stored = await storage.residents.findByIdLookupKey(pii.idLookupKey(idNumber));
      expect(stored?.id).toBe(person.id);
      expect(stored?.idSealed).not.toContain(idNumber);
      expect(pii.openIdNumber(stored?.idSealed ?? '')).toBe(idNumber);
    }
    expect((await storage.residents.listByHousehold('demo-h-zhang')).map((r) => r.name)).toEqual([
      '张建国',
      '李秀英',
      '张丽',
      '张小明',
    ]);
    expect(await storage.subsidies.listForResident('demo-r08', 'fj-quanzhou-taishang-2025')).toMatchObject([
      { categoryId: 'minimum-living' },
    ]);
    expect(await storage.subsidies.listForResident('demo-r14', 'ah-lingbi-zhuji-2023')).toMatchObject([
      { categoryId: 'monitored' },
    ]);
    expect(await storage.users.get('demo-zhang')).toMatchObject({ residentId: 'demo-r01' });
    expect(await storage.users.get('demo-new')).toMatchObject({ residentId: null });
  });
});

describe('the local cloud across restarts', () => {
  it('keeps its data and keys, and does not seed twice', async () => {
    const root = mkdtempSync(join(tmpdir(), 'local-cloud-restart-'));
    const options = {
      port: 0,
      rootDir: root,
      dataDir: join(root, '.data'),
      env: {},
      clock: fixedClock('2024-11-15'),
      log: quiet,
    };
    try {
      const first = await startLocalCloud(options);
      const sealed = (await first.deps.storage.residents.get('demo-r01'))?.idSealed;
      await first.close();
      const second = await startLocalCloud(options);
      const again = await second.deps.storage.residents.get('demo-r01');
      expect(again?.idSealed).toBe(sealed);
      expect(second.deps.pii.openIdNumber(again?.idSealed ?? '')).toBe(demoIdNumber('demo-r01'));
      await second.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the local cloud serving the H5 build', () => {
  let root: string;
  let cloud: LocalCloud;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'local-cloud-h5-'));
    const dist = join(root, 'miniprogram', 'dist-h5');
    mkdirSync(join(dist, 'js'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dist, 'js', 'app.js'), 'console.log("app")');
    writeFileSync(join(root, 'secret.txt'), 'outside the build');
    cloud = await startLocalCloud({
      port: 0,
      rootDir: root,
      dataDir: join(root, '.data'),
      env: {},
      clock: fixedClock('2024-11-15'),
      seed: false,
      log: quiet,
    });
  });

  afterAll(async () => {
    await cloud.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves files with their content type', async () => {
    const res = await fetch(`${cloud.url}/js/app.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(await res.text()).toBe('console.log("app")');
  });

  it('answers client-side routes with index.html and a missing asset with 404', async () => {
    const route = await fetch(`${cloud.url}/pages/register/index`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>app</title>');
    expect((await fetch(`${cloud.url}/js/missing.js`)).status).toBe(404);
  });

  it('never serves a file outside the build', async () => {
    const res = await fetch(`${cloud.url}/%2e%2e/%2e%2e/secret.txt`);
    expect(await res.text()).not.toContain('outside the build');
  });
});
