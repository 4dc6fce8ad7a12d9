/** The function handler pattern, called as the local cloud and the tests call it: main(event, context) over real SQLite. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { failure, success } from '../../shared/contracts/envelope';
import { fixedClock } from '../../cloudfunctions/lib/clock';
import { openidFromCloudbaseContext } from '../../cloudfunctions/lib/cloudbase-runtime';
import { localPlatformContext, type Deps } from '../../cloudfunctions/lib/context';
import { defineFunction, INTERNAL_MESSAGE } from '../../cloudfunctions/lib/handler';
import { createLogger } from '../../cloudfunctions/lib/pii';
import { createLocalDeps } from '../../cloudfunctions/local/deps';
import { syntheticIdNumber } from '../../cloudfunctions/local/demo-data';
import { quote } from '../../cloudfunctions/quote';

const ID_NUMBER = '350521197803129915';

describe('defineFunction', () => {
  let dir: string;
  let deps: Deps;
  const logLines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'handler-'));
    deps = await createLocalDeps({
      dataDir: dir,
      env: {},
      clock: fixedClock('2024-11-15'),
      log: createLogger({}, (_level, line) => logLines.push(line)),
    });
  });

  afterAll(async () => {
    await deps.storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const echo = defineFunction({
    name: 'echo',
    input: z
      .object({
        name: z.string({ required_error: '请填写姓名' }).min(1, '请填写姓名'),
        age: z.number().int().optional(),
        kind: z.enum(['self', 'family']).optional(),
      })
      .strict(),
    output: z.object({ greeting: z.string() }),
    run: async (input) => success({ greeting: `你好，${input.name}`, secret: 'never leaves' } as { greeting: string }),
  });

  it('parses the event and wraps the answer, dropping fields the output contract does not name', async () => {
    const main = echo.withDeps(deps);
    expect(await main({ name: '张三' })).toEqual({ ok: true, data: { greeting: '你好，张三' } });
  });

  it('keeps the schema’s own Chinese message', async () => {
    const main = echo.withDeps(deps);
    expect(await main({})).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请填写姓名' } });
    expect(await main({ name: '' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请填写姓名' } });
  });

  it('words zod’s own issues in Chinese: unknown fields, wrong types, wrong choices, a non-object event', async () => {
    const main = echo.withDeps(deps);
    expect(await main({ name: '张三', openid: 'x' })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '有不支持的字段：openid' },
    });
    expect(await main({ name: '张三', age: '十' })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '字段 age 的类型不正确，应为数字' },
    });
    expect(await main({ name: '张三', kind: 'boss' })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '字段 kind 的取值不在允许范围内（可选：self、family）' },
    });
    expect(await main('hello')).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请求内容的类型不正确，应为对象' },
    });
  });

  it('drops the identity fields a platform adds to the event instead of refusing or trusting them', async () => {
    const whoami = defineFunction({
      name: 'whoami',
      input: z.object({}).strict(),
      output: z.object({ openid: z.string().nullable() }),
      run: async (_input, ctx) => success({ openid: ctx.openid }),
    });
    const main = whoami.withDeps(deps);
    expect(await main({ userInfo: { openId: 'forged' } }, localPlatformContext('demo-li'))).toEqual({
      ok: true,
      data: { openid: 'demo-li' },
    });
  });

  it('refuses callers without an OPENID when the function needs one, and passes the OPENID when there is one', async () => {
    const mine = defineFunction({
      name: 'mine',
      input: z.object({}).strict(),
      output: z.object({ openid: z.string() }),
      signedIn: true,
      run: async (_input, ctx) => success({ openid: ctx.openid }),
    });
    const main = mine.withDeps(deps);
    expect(await main({})).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录后再试' } });
    expect(await main({}, { openid: 'demo-zhang' })).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(await main({}, localPlatformContext('demo-zhang'))).toEqual({ ok: true, data: { openid: 'demo-zhang' } });
  });

  it('passes a use case’s own failure through unchanged', async () => {
    const refuse = defineFunction({
      name: 'refuse',
      input: z.object({}).strict(),
      output: z.object({}),
      run: async () => failure('NOT_PAYABLE', '当前不在缴费期'),
    });
    expect(await refuse.withDeps(deps)({})).toEqual({
      ok: false,
      error: { code: 'NOT_PAYABLE', message: '当前不在缴费期' },
    });
  });

  it('turns an exception into INTERNAL and logs it without the ID number', async () => {
    const explode = defineFunction({
      name: 'explode',
      input: z.object({}).strict(),
      output: z.object({}),
      run: async () => {
        throw new Error(`无法处理 ${ID_NUMBER}`);
      },
    });
    logLines.length = 0;
    expect(await explode.withDeps(deps)({})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: INTERNAL_MESSAGE },
    });
    expect(logLines.join('\n')).toContain('unhandled_error');
    expect(logLines.join('\n')).toContain('"fn":"explode"');
    expect(logLines.join('\n')).not.toContain(ID_NUMBER);
  });

  it('turns an answer that breaks the output contract into INTERNAL', async () => {
    const drift = defineFunction({
      name: 'drift',
      input: z.object({}).strict(),
      output: z.object({ amountDue: z.number() }),
      run: async () => success({ amountDue: '400' } as unknown as { amountDue: number }),
    });
    logLines.length = 0;
    expect(await drift.withDeps(deps)({})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: INTERNAL_MESSAGE },
    });
    expect(logLines.join('\n')).toContain('output_contract_violation');
  });

  it('gives quote the clock’s today for checking an ID number', async () => {
    const bornOn16th = syntheticIdNumber('350521', '2024-11-16', 998);
    const event = { policyId: 'fj-quanzhou-taishang-2025', payDate: '2024-12-01', person: { idNumber: bornOn16th } };
    const on15th = await quote.withDeps({ ...deps, clock: fixedClock('2024-11-15') })(event);
    const on20th = await quote.withDeps({ ...deps, clock: fixedClock('2024-11-20') })(event);
    expect(on15th).toMatchObject({ ok: false, error: { code: 'INVALID_ID_NUMBER' } });
    expect(on20th.ok).toBe(true);
  });
});

describe('the production identity', () => {
  it('is the OPENID CloudBase attached to the invocation context', () => {
    const context = { environment: JSON.stringify({ WX_OPENID: 'oABC123_-xyz', WX_CONTEXT_KEYS: 'WX_OPENID' }) };
    expect(openidFromCloudbaseContext(context)).toBe('oABC123_-xyz');
  });

  it('is nobody when the context carries no OPENID or cannot be read', () => {
    expect(openidFromCloudbaseContext({ environment: JSON.stringify({}) })).toBeNull();
    expect(openidFromCloudbaseContext({})).toBeNull();
    expect(openidFromCloudbaseContext(undefined)).toBeNull();
    expect(openidFromCloudbaseContext(localPlatformContext('demo-zhang'))).toBeNull();
  });
});
