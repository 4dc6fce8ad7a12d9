/**
 * The H5 build of the mini-program, served by the local cloud at `/`: files from miniprogram/dist-h5,
 * index.html for any other path (the app routes on the client), and a placeholder page explaining how
 * to build it when it is missing.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Logger } from '../lib/pii';

export const H5_DIST = join('miniprogram', 'dist-h5');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function hasH5Build(h5Dir: string): boolean {
  return existsSync(join(h5Dir, 'index.html'));
}

function hasBuildScript(rootDir: string): boolean {
  const path = join(rootDir, 'package.json');
  if (!existsSync(path)) return false;
  const packageJson: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof packageJson !== 'object' || packageJson === null || !('scripts' in packageJson)) return false;
  const scripts = packageJson.scripts;
  return typeof scripts === 'object' && scripts !== null && 'build:h5' in scripts;
}

/**
 * Builds the H5 app with `npm run build:h5` when miniprogram/dist-h5 is missing and the script exists.
 * Runs before the server listens, so the first page load finds the app.
 */
export function ensureH5Build(rootDir: string, log: Logger): 'present' | 'built' | 'unavailable' | 'failed' {
  if (hasH5Build(join(rootDir, H5_DIST))) return 'present';
  if (!hasBuildScript(rootDir)) {
    log.warn('h5_build_unavailable', { hint: 'package.json 中没有 build:h5 脚本，将显示占位页' });
    return 'unavailable';
  }
  log.info('h5_build_start', { command: 'npm run build:h5' });
  const result = spawnSync('npm', ['run', 'build:h5'], { cwd: rootDir, stdio: 'inherit' });
  if (result.status === 0 && hasH5Build(join(rootDir, H5_DIST))) return 'built';
  log.error('h5_build_failed', { status: result.status });
  return 'failed';
}

const PLACEHOLDER = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>城乡居民医保（本地云）</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
<h1>本地云已运行</h1>
<p>尚未找到 H5 应用（miniprogram/dist-h5）。请运行 <code>npm run build:h5</code> 构建后刷新本页。</p>
<p>云函数已可调用：<code>POST /api/&lt;函数名&gt;</code>，例如 <code>/api/policies</code>；健康检查：<a href="/healthz">/healthz</a>。</p>
</body>
</html>
`;

function send(res: ServerResponse, status: number, type: string, body: string, head: boolean): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
  res.end(head ? undefined : body);
}

function sendFile(res: ServerResponse, file: string, head: boolean, cache: string): void {
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': statSync(file).size,
    'Cache-Control': cache,
  });
  if (head) res.end();
  else createReadStream(file).pipe(res);
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** Serves GET/HEAD requests for the app. */
export function serveH5(req: IncomingMessage, res: ServerResponse, h5Dir: string): void {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    send(res, 405, 'text/plain; charset=utf-8', '不支持的请求方法', head);
    return;
  }
  if (!hasH5Build(h5Dir)) {
    send(res, 200, 'text/html; charset=utf-8', PLACEHOLDER, head);
    return;
  }
  const root = resolve(h5Dir);
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    send(res, 400, 'text/plain; charset=utf-8', '地址无效', head);
    return;
  }
  const file = resolve(root, `.${normalize(pathname)}`);
  if (file !== root && !file.startsWith(root + sep)) {
    send(res, 404, 'text/plain; charset=utf-8', '未找到', head);
    return;
  }
  if (isFile(file)) {
    // index.html must be re-read after every build; hashed assets may be cached.
    sendFile(res, file, head, file.endsWith('.html') ? 'no-cache' : 'public, max-age=3600');
    return;
  }
  // A missing asset is a 404; any other path is a client-side route of the app.
  if (extname(pathname) !== '' && extname(pathname) !== '.html') {
    send(res, 404, 'text/plain; charset=utf-8', '未找到', head);
    return;
  }
  sendFile(res, join(root, 'index.html'), head, 'no-cache');
}
