import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
export const h5Dist = path.join(repoRoot, 'miniprogram/dist-h5');

/** Everything the app is built from; a newer file here means a build on disk is stale. */
const buildInputs = ['miniprogram/src', 'miniprogram/config', 'miniprogram/babel.config.js', 'shared'].map((p) =>
  path.join(repoRoot, p),
);

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(p).reduce((newest, name) => Math.max(newest, newestMtime(path.join(p, name))), stat.mtimeMs);
}

const builds = {
  h5: { marker: path.join(h5Dist, 'index.html'), lock: '/tmp/resident-insurance-h5-build.lock' },
  weapp: {
    marker: path.join(repoRoot, 'miniprogram/dist-weapp/app.json'),
    lock: '/tmp/resident-insurance-weapp-build.lock',
  },
} as const;

/**
 * Inside the lock: builds unless the marker file is at least as new as the sources were when the
 * caller looked, so a run that waited for another's build does not empty the folder again under it.
 */
const BUILD_IF_STALE = `
const [marker, sourcesAt, script] = process.argv.slice(1);
let builtAt = 0;
try { builtAt = require('node:fs').statSync(marker).mtimeMs; } catch {}
if (builtAt < Number(sourcesAt)) {
  const run = require('node:child_process').spawnSync('npm', ['run', script], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}`;

/**
 * Builds the app for `target` unless the build on disk is newer than its sources. The flock keeps two
 * runs in this shared checkout from building into the same folder at once.
 */
export function ensureFreshBuild(target: keyof typeof builds): 'fresh' | 'rebuilt' {
  const { marker, lock } = builds[target];
  const sourcesAt = Math.max(...buildInputs.map(newestMtime));
  if (existsSync(marker) && sourcesAt <= statSync(marker).mtimeMs) return 'fresh';
  const run = spawnSync(
    'flock',
    [lock, process.execPath, '-e', BUILD_IF_STALE, marker, String(sourcesAt), `build:${target}`],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) {
    const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.split('\n').slice(-40).join('\n');
    throw new Error(`npm run build:${target} failed (exit ${run.status}):\n${output}`);
  }
  return 'rebuilt';
}

export function ensureFreshH5Build(): void {
  ensureFreshBuild('h5');
}
