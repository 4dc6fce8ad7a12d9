/**
 * `npm run build:functions`: bundles each cloud function (every folder of cloudfunctions/ with an
 * index.ts, except lib, local and dist) with what it imports from shared/ and cloudfunctions/lib into
 * cloudfunctions/dist/<name>/index.js (CommonJS, exports.main, Node 16 — the CloudBase runtime), next
 * to a package.json naming its runtime dependencies, so CloudBase can deploy each folder on its own.
 * Local-only code (SQLite, the local cloud, the payment sandbox) cannot reach a bundle: importing it
 * fails the build. `--out <dir>` (or FUNCTIONS_OUT_DIR) writes the folders elsewhere, e.g. for a test.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const functionsDir = dirname(fileURLToPath(import.meta.url));
const rootDir = resolve(functionsDir, '..');
const outArg = process.argv.indexOf('--out');
const distDir = resolve(
  (outArg > 0 ? process.argv[outArg + 1] : undefined) ?? process.env.FUNCTIONS_OUT_DIR ?? join(functionsDir, 'dist'),
);
const NOT_FUNCTIONS = new Set(['lib', 'local', 'dist', 'node_modules']);
/** Provided by CloudBase's npm install at deploy time, not bundled. */
const RUNTIME_DEPENDENCIES = ['@cloudbase/node-sdk', 'wx-server-sdk'];
const LOCAL_ONLY_PACKAGES = new Set(['better-sqlite3']);
const LOCAL_ONLY_DIRS = [join(functionsDir, 'local'), join(functionsDir, 'lib', 'storage', 'sqlite')];
/** The payment sandboxes (and their notification signing), by file name prefix. */
const LOCAL_ONLY_PREFIXES = [join(functionsDir, 'lib', 'payments', 'sandbox-')];

const rootPackage = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8'));

function functionNames() {
  return readdirSync(functionsDir)
    .filter((name) => !NOT_FUNCTIONS.has(name) && !name.startsWith('.'))
    .filter(
      (name) => statSync(join(functionsDir, name)).isDirectory() && existsSync(join(functionsDir, name, 'index.ts')),
    )
    .sort();
}

const forbidLocalOnly = {
  name: 'forbid-local-only',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) => {
      const importer = args.importer ? relative(rootDir, args.importer) : '(entry)';
      if (LOCAL_ONLY_PACKAGES.has(args.path)) {
        return { errors: [{ text: `${importer} imports ${args.path}, which exists only in the local cloud` }] };
      }
      if (args.path.startsWith('.')) {
        const target = resolve(args.resolveDir, args.path);
        const localOnly =
          LOCAL_ONLY_DIRS.some((dir) => target === dir || target.startsWith(dir + sep)) ||
          LOCAL_ONLY_PREFIXES.some((prefix) => target.startsWith(prefix));
        if (localOnly) {
          return { errors: [{ text: `${importer} imports ${relative(rootDir, target)}, which is local-only` }] };
        }
      }
      return undefined;
    });
  },
};

async function bundle(name) {
  const outDir = join(distDir, name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(functionsDir, name, 'index.ts')],
    outfile: join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: RUNTIME_DEPENDENCIES,
    plugins: [forbidLocalOnly],
    legalComments: 'none',
    logLevel: 'warning',
  });
  const dependencies = Object.fromEntries(RUNTIME_DEPENDENCIES.map((dep) => [dep, rootPackage.dependencies[dep]]));
  const manifest = {
    name,
    version: rootPackage.version,
    private: true,
    main: 'index.js',
    engines: { node: '>=16' },
    dependencies,
  };
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { name, bytes: statSync(join(outDir, 'index.js')).size };
}

const names = functionNames();
const results = [];
for (const name of names) results.push(await bundle(name));
for (const { name, bytes } of results) {
  console.log(`${relative(rootDir, join(distDir, name))}/index.js  ${(bytes / 1024).toFixed(1)} KB`);
}
