import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
export const h5Dist = path.join(repoRoot, 'miniprogram/dist-h5');

/** Everything the H5 bundle is built from; a newer file here means the build on disk is stale. */
const buildInputs = ['miniprogram/src', 'miniprogram/config', 'miniprogram/babel.config.js', 'shared'].map((p) =>
  path.join(repoRoot, p),
);

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(p).reduce((newest, name) => Math.max(newest, newestMtime(path.join(p, name))), stat.mtimeMs);
}

export function h5BuildIsFresh(): boolean {
  const index = path.join(h5Dist, 'index.html');
  if (!existsSync(index)) return false;
  const builtAt = statSync(index).mtimeMs;
  return buildInputs.every((p) => newestMtime(p) <= builtAt);
}

/**
 * Builds the H5 app unless the build on disk is newer than its sources. The flock keeps two test
 * runs in this shared checkout from building into the same folder at once.
 */
export function ensureFreshH5Build(): void {
  if (h5BuildIsFresh()) return;
  const run = spawnSync('flock', ['/tmp/resident-insurance-h5-build.lock', 'npm', 'run', 'build:h5'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.split('\n').slice(-40).join('\n');
    throw new Error(`npm run build:h5 failed (exit ${run.status}):\n${output}`);
  }
}
