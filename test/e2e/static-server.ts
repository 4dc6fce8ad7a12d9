import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** A request the app made to `/api/…`, kept so tests can check what the H5 transport sent. */
export interface ApiRequest {
  method: string;
  path: string;
  openid: string | undefined;
  body: string;
}

export interface StaticServer {
  url: string;
  apiRequests: ApiRequest[];
  close: () => Promise<void>;
}

/**
 * Serves a built H5 folder on a free port of 127.0.0.1, with the SPA fallback to index.html.
 * It has no functions: `/api/…` is recorded and answered 404; tests that need the functions use the
 * local cloud instead.
 */
export async function serveDirectory(root: string): Promise<StaticServer> {
  const apiRequests: ApiRequest[] = [];
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (pathname.startsWith('/api/')) {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const openid = req.headers['x-openid'];
        apiRequests.push({
          method: req.method ?? '',
          path: pathname,
          openid: Array.isArray(openid) ? openid[0] : openid,
          body,
        });
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not Found');
      });
      return;
    }
    const candidate = path.join(root, path.normalize(pathname));
    const inside = candidate.startsWith(root + path.sep);
    const file =
      inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : path.join(root, 'index.html');
    res.writeHead(200, { 'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    apiRequests,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
