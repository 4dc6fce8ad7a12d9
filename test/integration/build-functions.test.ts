/**
 * `npm run build:functions` produces folders CloudBase can deploy one by one: the bundler runs into a
 * temp dir, and each bundle is loaded by a plain Node process the way the CloudBase runtime loads it
 * (its runtime dependencies found in node_modules, as CloudBase's npm install provides them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_MESSAGE } from '../../cloudfunctions/lib/handler';

const root = resolve(__dirname, '../..');
const functionsDir = join(root, 'cloudfunctions');
const NOT_FUNCTIONS = new Set(['lib', 'local', 'dist', 'node_modules']);
const RUNTIME_DEPENDENCIES = ['@cloudbase/node-sdk', 'wx-server-sdk'];
/** What only the local cloud may contain: SQLite and the payment sandboxes. */
const LOCAL_ONLY_MARKERS = [
  'better-sqlite3',
  'sandbox_payments',
  'employee_debits',
  'SandboxPaymentGateway',
  'SandboxEmployeeAccount',
];

const functionNames = readdirSync(functionsDir)
  .filter((name) => !NOT_FUNCTIONS.has(name) && statSync(join(functionsDir, name)).isDirectory())
  .filter((name) => existsSync(join(functionsDir, name, 'index.ts')))
  .sort();

const ANSWERS_MARKER = 'ANSWERS ';
let outDir: string;

/** Production-like environment for the child: none of this machine's configuration, SDKs found in node_modules. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, NODE_PATH: join(root, 'node_modules'), ...extra };
}

/** Loads every bundle in one Node process, calls each `main` with an empty event, prints the answers. */
function callEveryMain(env: Record<string, string>): { answers: Record<string, unknown>; stderr: string } {
  const script = `
    const MARKER = ${JSON.stringify(ANSWERS_MARKER)};
    const answers = {};
    (async () => {
      for (const name of ${JSON.stringify(functionNames)}) {
        const bundle = require(${JSON.stringify(outDir)} + '/' + name + '/index.js');
        if (typeof bundle.main !== 'function') throw new Error(name + ' exports no main');
        const answer = await bundle.main({}, {});
        answers[name] = name === 'policies' && answer.ok ? { ok: true } : answer;
      }
      process.stdout.write('\\n' + MARKER + JSON.stringify(answers) + '\\n');
    })().catch((error) => { console.error(error); process.exit(2); });`;
  const child = spawnSync(process.execPath, ['-e', script], { env: childEnv(env), encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bundles failed in Node (exit ${child.status}): ${child.stderr}`);
  // Info logs also go to stdout; the answers are on their own marked line.
  const line = child.stdout.split('\n').find((l) => l.startsWith(ANSWERS_MARKER)) ?? '';
  return { answers: JSON.parse(line.slice(ANSWERS_MARKER.length)) as Record<string, unknown>, stderr: child.stderr };
}

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'functions-build-'));
  execFileSync(process.execPath, [join(functionsDir, 'build.mjs'), '--out', outDir], { cwd: root, stdio: 'pipe' });
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('build:functions', () => {
  it('produces index.js and a package.json naming the runtime dependencies for every function folder', () => {
    expect(functionNames.length).toBeGreaterThanOrEqual(10);
    const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const name of functionNames) {
      expect(existsSync(join(outDir, name, 'index.js')), name).toBe(true);
      const manifest = JSON.parse(readFileSync(join(outDir, name, 'package.json'), 'utf8')) as {
        name: string;
        main: string;
        dependencies: Record<string, string>;
      };
      expect(manifest).toMatchObject({ name, main: 'index.js' });
      expect(manifest.dependencies).toEqual(
        Object.fromEntries(RUNTIME_DEPENDENCIES.map((dep) => [dep, rootPackage.dependencies[dep]])),
      );
    }
  });

  it('is what cloudbaserc.json deploys: every built function, from the build folder, with the PII keys', () => {
    const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as {
      functionRoot: string;
      functions: Array<{ name: string; envVariables: Record<string, string> }>;
    };
    expect(resolve(root, rc.functionRoot)).toBe(join(functionsDir, 'dist'));
    expect(rc.functions.map((f) => f.name).sort()).toEqual(functionNames);
    for (const f of rc.functions)
      expect(Object.keys(f.envVariables)).toEqual(expect.arrayContaining(['PII_ENC_KEY', 'PII_HMAC_KEY']));
  });

  it('leaves SQLite and the payment sandboxes out of every bundle', () => {
    for (const name of functionNames) {
      const code = readFileSync(join(outDir, name, 'index.js'), 'utf8');
      for (const marker of LOCAL_ONLY_MARKERS) expect(code.includes(marker), `${name} contains ${marker}`).toBe(false);
    }
  });

  it('loads every bundle in plain Node, and without PII keys each main answers INTERNAL instead of crashing', () => {
    const { answers, stderr } = callEveryMain({});
    expect(stderr).toContain('deps_unavailable');
    const internal = { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
    for (const name of functionNames) {
      // payNotify answers cloud pay in its own shape: errcode ≠ 0 asks the platform to send again later.
      const expected = name === 'payNotify' ? { errcode: 1, errmsg: INTERNAL_MESSAGE } : internal;
      expect(answers[name], name).toEqual(expected);
    }
  });

  it('with PII keys but no WeChat Pay settings, only the paying functions refuse, with PAYMENTS_UNAVAILABLE', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const { answers, stderr } = callEveryMain({ PII_ENC_KEY: key, PII_HMAC_KEY: key });
    expect(answers.payNotify).toEqual({ errcode: 1, errmsg: '支付服务暂时不可用，请稍后再试。' });
    expect(answers.policies).toEqual({ ok: true });
    // Only payNotify reached its payment setup (pay refused the empty event first): one log line, naming variables only.
    const unconfigured = stderr.split('\n').filter((line) => line.includes('payments_unconfigured'));
    expect(unconfigured).toHaveLength(1);
    expect(JSON.parse(unconfigured[0] ?? '{}')).toMatchObject({ missing: ['TCB_ENV', 'WX_SUB_MCH_ID'] });
    expect(stderr).not.toContain(key);
  });
});
