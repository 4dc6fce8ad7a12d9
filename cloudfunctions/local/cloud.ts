/**
 * The local cloud: the cloud functions over node:http, with SQLite storage in DATA_DIR, the clock
 * pinned by TODAY and the dev login's X-Openid header standing in for WeChat's OPENID.
 *
 *   GET  /healthz            storage reachable → 200
 *   GET  /api/_meta          { today, localMode: true, demoUsers } for the demo banner and dev login
 *   POST /api/<function>     JSON body = event → the function's envelope, always HTTP 200
 *   GET  /*                  the H5 app (miniprogram/dist-h5), index.html for client routes
 *
 * HTTP errors are kept for requests that never reach a function (unknown function 404, bad JSON 400,
 * body over 64 KB 413, wrong method 405) and they still carry an envelope, so the client reads one
 * shape whatever happens.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { failure, type Envelope } from '../../shared/contracts/envelope';
import { localClockFromEnv, type Clock } from '../lib/clock';
import { localPlatformContext, type Deps, type Payments } from '../lib/context';
import { INTERNAL_MESSAGE, type CloudFunction } from '../lib/handler';
import { createLogger, type Logger } from '../lib/pii';
import { DEMO_USERS, seedDemoData } from './demo-data';
import { createLocalDeps } from './deps';
import { H5_DIST, serveH5 } from './h5';
import { localSandbox, seedDemoBalances } from './sandbox-pay';
import { functions as registeredFunctions } from './registry';

export const MAX_BODY_BYTES = 64 * 1024;
const FUNCTION_PATH = /^\/api\/([a-z][a-z0-9-]*)$/;

export type LocalCloudOptions = {
  /** 0 picks a free port (tests). */
  port: number;
  dataDir: string;
  /** Repository root: where miniprogram/dist-h5 is looked for. */
  rootDir: string;
  env?: NodeJS.ProcessEnv;
  /** Defaults to TODAY from `env`, or the local default date. */
  clock?: Clock;
  functions?: Readonly<Record<string, CloudFunction>>;
  /** Seed the demo registry on first start (default true). */
  seed?: boolean;
  payments?: Payments;
  log?: Logger;
};

export type LocalCloud = {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  deps: Deps;
  /** Stops accepting requests, then closes the database. */
  close(): Promise<void>;
};

/** The local cloud listens on the loopback interface only: the dev login is not authentication. */
const HOST = '127.0.0.1';

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  sendJson(res, status, envelope);
}

/** The request body, refused past MAX_BODY_BYTES without reading the rest. */
function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return Promise.reject(new HttpError(413, 'BODY_TOO_LARGE', '请求内容过大'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume(); // discard the rest
        reject(new HttpError(413, 'BODY_TOO_LARGE', '请求内容过大'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** An empty body is an empty event, so `curl -X POST /api/policies` works. */
function parseEvent(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new HttpError(400, 'BAD_JSON', '请求内容不是有效的 JSON');
  }
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const env = options.env ?? process.env;
  const log = options.log ?? createLogger({ cloud: 'local' });
  const clock = options.clock ?? localClockFromEnv(env);
  const functions = options.functions ?? registeredFunctions;
  const h5Dir = join(options.rootDir, H5_DIST);
  // Without payments given, the sandbox gateway and employee account, notifying payNotify in-process.
  const sandbox = options.payments ? null : localSandbox(options.dataDir, clock);
  const payments = options.payments ?? sandbox?.payments;
  const deps = await createLocalDeps({ dataDir: options.dataDir, env, clock, log, payments });
  sandbox?.connect(deps);
  if (sandbox && (options.seed ?? true)) await seedDemoBalances(sandbox.employeeAccount);
  try {
    if ((options.seed ?? true) && (await seedDemoData(deps.storage, deps.pii, clock))) log.info('demo_data_seeded');
  } catch (error) {
    await deps.storage.close();
    throw error;
  }
  // Bound once: each function over the same dependencies.
  const mains = new Map(Object.entries(functions).map(([name, fn]) => [name, fn.withDeps(deps)]));

  const callFunction = async (req: IncomingMessage, res: ServerResponse, name: string): Promise<void> => {
    const main = mains.get(name);
    if (!main) throw new HttpError(404, 'UNKNOWN_FUNCTION', `没有名为 ${name} 的功能`);
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', '请使用 POST 调用云函数');
    const event = parseEvent(await readBody(req));
    const envelope = await main(event, localPlatformContext(headerValue(req, 'x-openid')));
    sendEnvelope(res, 200, envelope);
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/healthz') {
      await deps.storage.users.get('healthz-probe');
      sendJson(res, 200, { status: 'ok', today: clock.today() });
      return;
    }
    if (pathname === '/api/_meta') {
      sendJson(res, 200, {
        today: clock.today(),
        localMode: true,
        demoUsers: DEMO_USERS.map(({ openid, label }) => ({ openid, label })),
      });
      return;
    }
    const match = FUNCTION_PATH.exec(pathname);
    if (match?.[1]) {
      await callFunction(req, res, match[1]);
      return;
    }
    if (pathname.startsWith('/api/')) throw new HttpError(404, 'UNKNOWN_FUNCTION', '没有这个功能');
    if (sandbox && (await sandbox.handle(req, res))) return;
    serveH5(req, res, h5Dir);
  };

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        // A refused upload may still be arriving: Node discards the rest, and the connection is not reused.
        if (error.status === 413) res.setHeader('Connection', 'close');
        sendEnvelope(res, error.status, failure(error.code, error.message));
        return;
      }
      log.error('local_cloud_error', { error });
      if (!res.headersSent) sendEnvelope(res, 500, failure('INTERNAL', INTERNAL_MESSAGE));
      else res.destroy();
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // e.g. the port is taken: leave no database open behind.
    await deps.storage.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${port}`,
    port,
    deps,
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await deps.storage.close();
        sandbox?.close();
      })();
      return closing;
    },
  };
}
