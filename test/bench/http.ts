/**
 * The local cloud over HTTP, side by side with its floor: a bare `node:http` server that reads the
 * request and answers the same bytes the quote function answers. Each server is a child process of its
 * own on 127.0.0.1 (an ephemeral port), and autocannon drives it from this process: 100 connections,
 * 5 seconds each. Then the write paths, 16 residents at a time: registrations/s (registering the
 * residents who then pay, up to 20 s) and paid orders/s for 5 s through pay.create → the sandbox pay
 * sheet → the signed notification → payNotify.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchRoot, startCloudProcess, stopCloudProcess, type CloudProcess } from '../fixtures/local-cloud-process';
import { seedPayableResidents, type PayableResident } from '../fixtures/payable-residents';

const TODAY = '2024-11-15';
const CONNECTIONS = 100;
const SECONDS = 5;
const WRITERS = 16;
const RESIDENTS = 3000;
const REGISTER_SECONDS = 20;

const QUOTE_EVENT = { policyId: 'fj-quanzhou-taishang-2025', payDate: TODAY, person: { birthDate: '1980-07-22' } };

/** Reads the whole request, then answers BODY: the least any JSON endpoint can do. */
const BARE_SERVER = `
const http = require('node:http');
const body = Buffer.from(process.env.BODY);
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

type BareServer = { url: string; stop(): Promise<void> };

async function startBareServer(body: string): Promise<BareServer> {
  const child = spawn(process.execPath, ['-e', BARE_SERVER], {
    env: { PATH: process.env.PATH, BODY: body },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const port = await new Promise<string>((done, fail) => {
    child.stdout.once('data', (chunk: Buffer) => {
      const found = /listening (\d+)/.exec(chunk.toString('utf8'));
      if (found?.[1]) done(found[1]);
      else fail(new Error(`bare server said: ${chunk.toString('utf8')}`));
    });
  });
  child.stdout.resume();
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

type Load = { requestsPerSecond: number; p99Ms: number; failures: number };

async function load(url: string, body: string, headers: Record<string, string> = {}): Promise<Load> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    failures: result.errors + result.non2xx,
  };
}

async function post(
  url: string,
  openid: string | null,
  body: unknown,
): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(openid ? { 'X-Openid': openid } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string } };
}

/**
 * Runs `work` on one resident after another, WRITERS at a time, until everyone is done or `seconds`
 * passed; the residents it succeeded for and the rate.
 */
async function throughput(
  people: readonly PayableResident[],
  seconds: number,
  work: (person: PayableResident) => Promise<boolean>,
) {
  const done: PayableResident[] = [];
  let next = 0;
  let failures = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const writer = async () => {
    while (next < people.length && performance.now() < deadline) {
      const person = people[next] as PayableResident;
      next += 1;
      if (await work(person)) done.push(person);
      else failures += 1;
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  const elapsed = (performance.now() - start) / 1000;
  return { done, perSecond: Math.round(done.length / elapsed), failures };
}

async function payOnce(cloud: CloudProcess, person: PayableResident): Promise<boolean> {
  const created = await post(`${cloud.url}/api/pay`, person.openid, {
    action: 'create',
    people: [{ residentRef: 'self' }],
    source: 'wechat',
    idempotencyKey: `bench-${person.residentId}`,
  });
  const token = (created.data as { payParams?: { token?: string } } | undefined)?.payParams?.token;
  if (!created.ok || !token) return false;
  const res = await fetch(`${cloud.url}/sandbox-pay/act`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token, outcome: 'pay' }),
  });
  const acted = (await res.json()) as { ok: boolean; data?: { delivered?: boolean } };
  return acted.ok && acted.data?.delivered === true;
}

function line(label: string, run: Load, extra = ''): string {
  const failures = run.failures ? `, ${run.failures} failed` : '';
  return `http: ${label} — ${run.requestsPerSecond.toLocaleString('en')} req/s, p99 ${run.p99Ms} ms${failures}${extra}`;
}

export async function benchHttp(): Promise<Record<string, number>> {
  const root = scratchRoot(mkdtempSync(join(tmpdir(), 'bench-http-')));
  const dataDir = join(root, 'data');
  const people = await seedPayableResidents(dataDir, RESIDENTS);
  const cloud = await startCloudProcess({ rootDir: root, dataDir, today: TODAY });
  let bare: BareServer | undefined;
  try {
    const quoteBody = JSON.stringify(QUOTE_EVENT);
    const sample = await fetch(`${cloud.url}/api/quote`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: quoteBody,
    });
    const sampleText = await sample.text();
    if (!(JSON.parse(sampleText) as { ok: boolean }).ok)
      throw new Error(`quote refused the bench request: ${sampleText}`);
    const benefitsSample = await post(`${cloud.url}/api/benefits`, 'demo-zhang', {});
    if (!benefitsSample.ok) throw new Error(`benefits refused the bench request: ${JSON.stringify(benefitsSample)}`);
    bare = await startBareServer(sampleText);

    console.log(`http: ${CONNECTIONS} connections, ${SECONDS} s each, servers in child processes on 127.0.0.1`);
    const floor = await load(bare.url, quoteBody);
    console.log(line(`bare node:http, fixed JSON (${Buffer.byteLength(sampleText)} bytes)`, floor));
    const quote = await load(`${cloud.url}/api/quote`, quoteBody);
    const quoteRatio = quote.requestsPerSecond / floor.requestsPerSecond;
    console.log(line('quote', quote, `; ${Math.round(quoteRatio * 100)}% of bare (goal ≥ 50%)`));
    const benefits = await load(`${cloud.url}/api/benefits`, '{}', { 'x-openid': 'demo-zhang' });
    const benefitsRatio = benefits.requestsPerSecond / floor.requestsPerSecond;
    console.log(
      line(
        'benefits (signed in as demo-zhang, SQLite reads)',
        benefits,
        `; ${Math.round(benefitsRatio * 100)}% of bare (goal ≥ 50%)`,
      ),
    );

    // Registers everyone who will pay (bounded), so the payment phase does not run out of residents.
    const registered = await throughput(
      people,
      REGISTER_SECONDS,
      async (person) =>
        (await post(`${cloud.url}/api/register`, person.openid, { name: person.name, idNumber: person.idNumber })).ok,
    );
    console.log(
      `http: register — ${registered.perSecond} registrations/s (${WRITERS} at a time, ${registered.done.length} registered, ${registered.failures} refused)`,
    );
    const paid = await throughput(registered.done, SECONDS, (person) => payOnce(cloud, person));
    console.log(
      `http: paid orders — ${paid.perSecond} orders/s through pay.create + sandbox pay + payNotify (${WRITERS} at a time, ${paid.done.length} paid${paid.failures ? `, ${paid.failures} failed` : ''}${paid.done.length === registered.done.length ? ', ran out of registered residents' : ''})`,
    );
    return {
      bareRequestsPerSecond: floor.requestsPerSecond,
      bareP99Ms: floor.p99Ms,
      quoteRequestsPerSecond: quote.requestsPerSecond,
      quoteP99Ms: quote.p99Ms,
      quoteRatioToBare: Math.round(quoteRatio * 100) / 100,
      benefitsRequestsPerSecond: benefits.requestsPerSecond,
      benefitsP99Ms: benefits.p99Ms,
      benefitsRatioToBare: Math.round(benefitsRatio * 100) / 100,
      registrationsPerSecond: registered.perSecond,
      paidOrdersPerSecond: paid.perSecond,
    };
  } finally {
    await bare?.stop();
    await stopCloudProcess(cloud);
    rmSync(root, { recursive: true, force: true });
  }
}
