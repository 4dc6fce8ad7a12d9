/**
 * What the user downloads. WeChat: the main package of the weapp build (every file WeChat DevTools
 * uploads — all but sourcemaps, as project.config.json's packOptions say — outside the subpackage
 * roots in app.json), against WeChat's 2 MB limit and our 600 KB goal. H5: the whole build and its
 * JavaScript, raw and gzipped, and the JavaScript index.html loads up front. Stale builds are rebuilt.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureFreshBuild, h5Dist, repoRoot } from '../e2e/h5-build';

const WEAPP_DIST = path.join(repoRoot, 'miniprogram/dist-weapp');
const WEAPP_LIMIT_BYTES = 2 * 1024 * 1024;
const WEAPP_GOAL_BYTES = 600 * 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

type AppJson = { subPackages?: { root: string }[]; subpackages?: { root: string }[] };

function weappMainPackage(): { bytes: number; files: number; subpackageBytes: number } {
  const app = JSON.parse(readFileSync(path.join(WEAPP_DIST, 'app.json'), 'utf8')) as AppJson;
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map(
    (sub) => path.join(WEAPP_DIST, sub.root) + path.sep,
  );
  let bytes = 0;
  let files = 0;
  let subpackageBytes = 0;
  for (const file of filesUnder(WEAPP_DIST)) {
    if (file.endsWith('.map')) continue;
    const size = statSync(file).size;
    if (roots.some((root) => file.startsWith(root))) subpackageBytes += size;
    else {
      bytes += size;
      files += 1;
    }
  }
  return { bytes, files, subpackageBytes };
}

function h5Sizes() {
  const files = filesUnder(h5Dist).filter((file) => !file.endsWith('.map'));
  const js = files.filter((file) => file.endsWith('.js'));
  const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
  const index = readFileSync(path.join(h5Dist, 'index.html'), 'utf8');
  const initial = [...index.matchAll(/<script[^>]*\ssrc="\/?([^"]+)"/g)].map((m) => path.join(h5Dist, m[1] ?? ''));
  return {
    totalBytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
    jsBytes: js.reduce((sum, file) => sum + statSync(file).size, 0),
    jsGzipBytes: js.reduce((sum, file) => sum + gzipped(file), 0),
    initialJsGzipBytes: initial.filter((file) => existsSync(file)).reduce((sum, file) => sum + gzipped(file), 0),
    jsFiles: js.length,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function benchSize(): Record<string, number> {
  const weappBuild = ensureFreshBuild('weapp');
  ensureFreshBuild('h5');
  const weapp = weappMainPackage();
  const verdict =
    weapp.bytes > WEAPP_LIMIT_BYTES
      ? 'OVER the 2 MB limit'
      : weapp.bytes > WEAPP_GOAL_BYTES
        ? 'under the 2 MB limit, over the 600 KB goal'
        : 'within the 600 KB goal';
  console.log(
    `size: weapp main package ${kb(weapp.bytes)} in ${weapp.files} files (${verdict}; subpackages ${kb(weapp.subpackageBytes)}; build ${weappBuild})`,
  );
  const h5 = h5Sizes();
  console.log(
    `size: H5 total ${kb(h5.totalBytes)}; JS ${kb(h5.jsBytes)} raw, ${kb(h5.jsGzipBytes)} gzip in ${h5.jsFiles} files; loaded by index.html ${kb(h5.initialJsGzipBytes)} gzip`,
  );
  return {
    weappMainBytes: weapp.bytes,
    weappSubpackageBytes: weapp.subpackageBytes,
    h5TotalBytes: h5.totalBytes,
    h5JsBytes: h5.jsBytes,
    h5JsGzipBytes: h5.jsGzipBytes,
    h5InitialJsGzipBytes: h5.initialJsGzipBytes,
  };
}
