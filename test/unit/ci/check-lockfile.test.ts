import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appliesTo,
  checkLockfile,
  currentPlatform,
  installedDrift,
  lockDrift,
  manifestDrift,
  type Lockfile,
  type Manifest,
  type Platform,
} from '../../../.ci/check-lockfile';

const linux: Platform = { os: 'linux', cpu: 'x64', libc: 'glibc' };

const manifest: Manifest = { dependencies: { rollup: '^4.0.0' }, devDependencies: { left: '^1.0.0' } };

/** A lockfile shaped like npm 11 writes: rollup with its per-platform optional binaries. */
function lockfile(): Lockfile {
  return {
    name: 'app',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'app', version: '1.0.0', ...structuredClone(manifest) },
      'node_modules/rollup': {
        version: '4.68.7',
        integrity: 'sha512-rollup',
        optionalDependencies: { '@rollup/rollup-linux-x64-gnu': '4.68.7', '@rollup/rollup-darwin-arm64': '4.68.7' },
      },
      'node_modules/@rollup/rollup-linux-x64-gnu': {
        version: '4.68.7',
        integrity: 'sha512-linux',
        cpu: ['x64'],
        os: ['linux'],
        libc: ['glibc'],
        optional: true,
      },
      'node_modules/@rollup/rollup-darwin-arm64': {
        version: '4.68.7',
        integrity: 'sha512-darwin',
        cpu: ['arm64'],
        os: ['darwin'],
        optional: true,
      },
      'node_modules/left': { version: '1.2.3', integrity: 'sha512-left', dev: true },
    },
  };
}

function packages(lock: Lockfile) {
  if (!lock.packages) throw new Error('fixture without packages');
  return lock.packages;
}

describe('which lockfile entries concern this machine', () => {
  it('a package built for linux x64 glibc applies to linux x64 glibc and not to musl or arm64', () => {
    const entry = { os: ['linux'], cpu: ['x64'], libc: ['glibc'] };
    expect(appliesTo(entry, linux)).toBe(true);
    expect(appliesTo(entry, { ...linux, libc: 'musl' })).toBe(false);
    expect(appliesTo(entry, { ...linux, cpu: 'arm64' })).toBe(false);
  });

  it('a negated os list ("!win32") applies everywhere but the named system', () => {
    expect(appliesTo({ os: ['!win32'] }, linux)).toBe(true);
    expect(appliesTo({ os: ['!win32'] }, { os: 'win32', cpu: 'x64', libc: null })).toBe(false);
  });

  it('this machine is described in the terms npm matches against', () => {
    const platform = currentPlatform();
    expect(platform.os).toBe(process.platform);
    expect(platform.cpu).toBe(process.arch);
  });
});

describe('npm install rewriting the lockfile', () => {
  it('is no drift when it adds an optional package for another platform that the registry now serves', () => {
    const after = lockfile();
    packages(after)['node_modules/@rollup/rollup-android-arm-eabi'] = {
      version: '4.68.7',
      cpu: ['arm'],
      os: ['android'],
      optional: true,
    };
    expect(lockDrift(lockfile(), after, linux)).toEqual([]);
  });

  it('is no drift when it drops an optional package for another platform that the registry stopped serving', () => {
    const after = lockfile();
    delete packages(after)['node_modules/@rollup/rollup-darwin-arm64'];
    expect(lockDrift(lockfile(), after, linux)).toEqual([]);
  });

  it('is a drift when a package this platform installs moves to another version', () => {
    const after = lockfile();
    packages(after)['node_modules/@rollup/rollup-linux-x64-gnu'] = {
      ...packages(after)['node_modules/@rollup/rollup-linux-x64-gnu'],
      version: '4.69.0',
    };
    expect(lockDrift(lockfile(), after, linux)).toEqual([
      'node_modules/@rollup/rollup-linux-x64-gnu changed: 4.68.7 → 4.69.0',
    ]);
  });

  it('is a drift when it adds an optional package built for this very platform', () => {
    const after = lockfile();
    packages(after)['node_modules/@rollup/rollup-linux-x64-musl'] = {
      version: '4.68.7',
      os: ['linux'],
      optional: true,
    };
    expect(lockDrift(lockfile(), after, linux)).toEqual([
      'node_modules/@rollup/rollup-linux-x64-musl@4.68.7 was added by npm install',
    ]);
  });

  it('is a drift when it removes a package every platform needs', () => {
    const after = lockfile();
    delete packages(after)['node_modules/left'];
    expect(lockDrift(lockfile(), after, linux)).toEqual(['node_modules/left@1.2.3 was removed by npm install']);
  });
});

describe('package.json against the lockfile', () => {
  it('is no drift while package.json has the ranges the lockfile was resolved from', () => {
    expect(manifestDrift(manifest, lockfile())).toEqual([]);
  });

  it('is a drift when package.json gains a dependency the lockfile does not have', () => {
    const edited: Manifest = { ...manifest, dependencies: { ...manifest.dependencies, zod: '^4.0.0' } };
    expect(manifestDrift(edited, lockfile())).toEqual([
      'package.json dependencies.zod is ^4.0.0, the lockfile has (absent)',
    ]);
  });

  it('is a drift when package.json changes a range without regenerating the lockfile', () => {
    const edited: Manifest = { ...manifest, devDependencies: { left: '^2.0.0' } };
    expect(manifestDrift(edited, lockfile())).toEqual([
      'package.json devDependencies.left is ^2.0.0, the lockfile has ^1.0.0',
    ]);
  });
});

describe('node_modules against the lockfile', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function project(installed: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'lockfile-check-'));
    dirs.push(dir);
    for (const [path, version] of Object.entries(installed)) {
      mkdirSync(join(dir, path), { recursive: true });
      writeFileSync(join(dir, path, 'package.json'), JSON.stringify({ version }));
    }
    return dir;
  }

  it('is no drift when every package for this platform is installed at its locked version', () => {
    const dir = project({
      'node_modules/rollup': '4.68.7',
      'node_modules/@rollup/rollup-linux-x64-gnu': '4.68.7',
      'node_modules/left': '1.2.3',
    });
    expect(
      checkLockfile({ manifest, before: lockfile(), after: lockfile(), platform: linux, projectDir: dir }),
    ).toEqual([]);
  });

  it('is a drift when a package is installed at a version other than the lockfile pins', () => {
    const dir = project({ 'node_modules/rollup': '4.70.0', 'node_modules/left': '1.2.3' });
    expect(installedDrift(lockfile(), linux, dir)).toEqual([
      'node_modules/rollup is installed at 4.70.0, the lockfile pins 4.68.7',
    ]);
  });

  it('is a drift when a required package is missing, but not when an optional one for this platform failed to install', () => {
    const dir = project({ 'node_modules/rollup': '4.68.7' });
    expect(installedDrift(lockfile(), linux, dir)).toEqual([
      'node_modules/left@1.2.3 is in the lockfile but not installed',
    ]);
  });

  it("this repository's lockfile agrees with its package.json and its installed node_modules", () => {
    const root = join(__dirname, '../../..');
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lockfile;
    const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
    expect(
      checkLockfile({ manifest: own, before: lock, after: lock, platform: currentPlatform(), projectDir: root }),
    ).toEqual([]);
  });
});
