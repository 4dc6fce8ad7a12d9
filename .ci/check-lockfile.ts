/**
 * The lockfile gate that `npm ci` would be, minus its one flaw here.
 *
 * `npm ci` insists that package-lock.json lists every optional native package of every platform,
 * but the registry mirror serves some of those (rollup's android/darwin/win32 builds) one month and
 * not the next, and never serves others (@tarojs/binding-darwin-arm64 past 4.1.11). So no lockfile can
 * satisfy `npm ci` for long, and `npm install` rewrites the other platforms' entries as the mirror
 * changes. Those entries are never installed on this machine, so they cannot make a drift here.
 *
 * After `npm install` from the committed lockfile, this script fails on a real drift:
 *  1. package.json's dependency ranges differ from the lockfile's root entry (package.json edited,
 *     lockfile not regenerated);
 *  2. `npm install` changed an entry that applies to this machine (a version, integrity, dependency
 *     list, an entry added or removed), i.e. the lockfile does not pin what this platform installs;
 *  3. node_modules holds a package at a version other than the lockfile's, or lacks a required one.
 * It ignores only entries that are optional AND whose os/cpu/libc exclude this machine, exactly the
 * ones npm itself skips here.
 *
 * Usage: tsx .ci/check-lockfile.ts <committed-lock.json> <lock-after-install.json> [project-dir]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';

export type Platform = { os: string; cpu: string; libc: string | null };
export type LockEntry = {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  link?: boolean;
  [field: string]: unknown;
};
export type Lockfile = { packages?: Record<string, LockEntry>; [field: string]: unknown };
type DependencyMap = Record<string, string>;
export type Manifest = Partial<Record<(typeof DEPENDENCY_FIELDS)[number], DependencyMap>>;

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** This machine, in the terms npm matches `os`, `cpu` and `libc` against. */
export function currentPlatform(): Platform {
  let libc: string | null = null;
  if (process.platform === 'linux') {
    const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
    libc = report.header?.glibcVersionRuntime ? 'glibc' : 'musl';
  }
  return { os: process.platform, cpu: process.arch, libc };
}

/** npm's rule for an os/cpu/libc list: `!x` excludes x; any plain names form an allow-list. */
function listAllows(list: string[] | undefined, value: string | null): boolean {
  if (!Array.isArray(list) || list.length === 0) return true;
  if (value === null) return true;
  if (list.includes(`!${value}`)) return false;
  const allowed = list.filter((name) => !name.startsWith('!'));
  return allowed.length === 0 || allowed.includes(value);
}

export function appliesTo(entry: LockEntry, platform: Platform): boolean {
  return (
    listAllows(entry.os, platform.os) && listAllows(entry.cpu, platform.cpu) && listAllows(entry.libc, platform.libc)
  );
}

/** The entries npm would install on `platform`: all but the optional ones built for other machines. */
export function entriesFor(lock: Lockfile, platform: Platform): Record<string, LockEntry> {
  const kept: Record<string, LockEntry> = {};
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (entry.optional === true && !appliesTo(entry, platform)) continue;
    kept[path] = entry;
  }
  return kept;
}

/** Problems where package.json's ranges are not the ones the lockfile was resolved from. */
export function manifestDrift(manifest: Manifest, lock: Lockfile): string[] {
  const root = lock.packages?.[''] ?? {};
  const problems: string[] = [];
  for (const field of DEPENDENCY_FIELDS) {
    const wanted: DependencyMap = manifest[field] ?? {};
    const locked = (root[field] ?? {}) as DependencyMap;
    if (!isDeepStrictEqual(wanted, locked)) {
      const names = new Set([...Object.keys(wanted), ...Object.keys(locked)]);
      for (const name of [...names].sort()) {
        if (wanted[name] !== locked[name]) {
          problems.push(
            `package.json ${field}.${name} is ${wanted[name] ?? '(absent)'}, the lockfile has ${locked[name] ?? '(absent)'}`,
          );
        }
      }
    }
  }
  return problems;
}

/** Problems where installing changed what the lockfile pins for this platform. */
export function lockDrift(before: Lockfile, after: Lockfile, platform: Platform): string[] {
  const problems: string[] = [];
  if (!isDeepStrictEqual(withoutPackages(before), withoutPackages(after)))
    problems.push('the lockfile header (name, version, lockfileVersion) changed');
  const was = entriesFor(before, platform);
  const now = entriesFor(after, platform);
  for (const [path, entry] of sortedEntries(was)) {
    const rewritten = now[path];
    if (rewritten === undefined) problems.push(`${path || '(root)'}@${entry.version ?? ''} was removed by npm install`);
    else if (!isDeepStrictEqual(entry, rewritten)) {
      problems.push(`${path || '(root)'} changed: ${describe(entry)} → ${describe(rewritten)}`);
    }
  }
  for (const [path, entry] of sortedEntries(now)) {
    if (!(path in was)) problems.push(`${path}@${entry.version ?? ''} was added by npm install`);
  }
  return problems;
}

function withoutPackages(lock: Lockfile): Record<string, unknown> {
  return Object.fromEntries(Object.entries(lock).filter(([field]) => field !== 'packages'));
}

function sortedEntries(entries: Record<string, LockEntry>): [string, LockEntry][] {
  return Object.entries(entries).sort(([a], [b]) => a.localeCompare(b));
}

function describe(entry: LockEntry): string {
  return entry.version ?? JSON.stringify(entry).slice(0, 80);
}

/** Problems where node_modules does not hold what the lockfile pins for this platform. */
export function installedDrift(lock: Lockfile, platform: Platform, projectDir: string): string[] {
  const problems: string[] = [];
  for (const [path, entry] of Object.entries(entriesFor(lock, platform))) {
    if (path === '' || entry.link === true) continue;
    const manifestPath = join(projectDir, path, 'package.json');
    if (!existsSync(manifestPath)) {
      // An optional package for this platform may fail to build or fetch; npm carries on without it.
      if (entry.optional !== true) problems.push(`${path}@${entry.version} is in the lockfile but not installed`);
      continue;
    }
    const installed = (readJson(manifestPath) as { version?: string }).version;
    if (entry.version !== undefined && installed !== entry.version) {
      problems.push(`${path} is installed at ${installed}, the lockfile pins ${entry.version}`);
    }
  }
  return problems;
}

/** Every drift between package.json, the committed lockfile, the rewritten one and node_modules. */
export type LockfileCheck = {
  manifest: Manifest;
  before: Lockfile;
  after: Lockfile;
  platform: Platform;
  projectDir: string;
};

export function checkLockfile({ manifest, before, after, platform, projectDir }: LockfileCheck): string[] {
  return [
    ...manifestDrift(manifest, before),
    ...lockDrift(before, after, platform),
    ...installedDrift(before, platform, projectDir),
  ];
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [beforePath, afterPath, projectDir = '.'] = process.argv.slice(2);
  if (!beforePath || !afterPath) {
    console.error('usage: tsx .ci/check-lockfile.ts <committed-lock.json> <lock-after-install.json> [project-dir]');
    process.exit(2);
  }
  const platform = currentPlatform();
  const problems = checkLockfile({
    manifest: readJson(join(projectDir, 'package.json')) as Manifest,
    before: readJson(beforePath) as Lockfile,
    after: readJson(afterPath) as Lockfile,
    platform,
    projectDir,
  });
  if (problems.length > 0) {
    console.error(
      `package-lock.json does not pin what ${platform.os}-${platform.cpu} installs: run 'npm install' and commit the lockfile.`,
    );
    for (const problem of problems.slice(0, 40)) console.error(`  - ${problem}`);
    if (problems.length > 40) console.error(`  … and ${problems.length - 40} more`);
    process.exit(1);
  }
  console.log(
    `package-lock.json pins what ${platform.os}-${platform.cpu}${platform.libc ? `-${platform.libc}` : ''} installs (other platforms' optional packages ignored).`,
  );
}
