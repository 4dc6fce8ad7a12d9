/**
 * Crash safety of payments: the local cloud runs as its own process (as `npm start` runs it), residents
 * pay in a concurrent burst over HTTP (pay.create → the sandbox pay sheet's 确认支付 → the signed
 * notification settles the order), and the process is killed with SIGKILL in the middle of it. After a
 * restart on the same data folder every payment that was acknowledged is there exactly once, and the
 * payments that were cut off can be finished without anyone paying twice.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../cloudfunctions/lib/storage/sqlite';
import { SANDBOX_GATEWAY_FILE } from '../../cloudfunctions/local/sandbox-pay';
import { scratchRoot, startCloudProcess, stopCloudProcess, type CloudProcess } from '../fixtures/local-cloud-process';
import { seedPayableResidents, type PayableResident } from '../fixtures/payable-residents';

const TODAY = '2024-11-15';
const RESIDENTS = 48;
const CONCURRENCY = 8;
/** Killed once this many payments were acknowledged: a third of the way in, with others in flight. */
const KILL_AFTER_ACKNOWLEDGED = 16;

type Envelope = { ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };
type OrderView = { orderNo: string; state: string };

async function post(cloud: CloudProcess, path: string, openid: string | null, body: unknown): Promise<Envelope> {
  const res = await fetch(`${cloud.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(openid ? { 'X-Openid': openid } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Envelope;
}

function dataOf(envelope: Envelope, what: string): Record<string, unknown> {
  if (!envelope.ok) throw new Error(`${what}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

const idempotencyKeyOf = (person: PayableResident) => `crash-${person.residentId}`;

/** pay.create for the resident themselves; the same key every time, so a retry is the same order. */
async function createOrder(
  cloud: CloudProcess,
  person: PayableResident,
): Promise<{ order: OrderView; token: string | null }> {
  const data = dataOf(
    await post(cloud, '/api/pay', person.openid, {
      action: 'create',
      people: [{ residentRef: 'self' }],
      source: 'wechat',
      idempotencyKey: idempotencyKeyOf(person),
    }),
    `pay.create for ${person.residentId}`,
  );
  const payParams = data.payParams as { kind: string; token?: string } | null;
  return { order: data.order as OrderView, token: payParams?.kind === 'sandbox' ? (payParams.token ?? null) : null };
}

/** The payer confirms on the sandbox pay sheet; true when the notification was delivered and settled the order. */
async function payOnSheet(cloud: CloudProcess, token: string): Promise<boolean> {
  const res = await fetch(`${cloud.url}/sandbox-pay/act`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token, outcome: 'pay' }),
  });
  const body = (await res.json()) as { ok: boolean; data?: { delivered?: boolean } };
  return body.ok && body.data?.delivered === true;
}

async function orderStatus(cloud: CloudProcess, person: PayableResident, orderNo: string): Promise<OrderView> {
  return dataOf(await post(cloud, '/api/pay', person.openid, { action: 'status', orderNo }), `pay.status ${orderNo}`)
    .order as OrderView;
}

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
}

describe('a burst of payments killed with SIGKILL', () => {
  const root = scratchRoot(mkdtempSync(join(tmpdir(), 'crash-safety-')));
  const dataDir = join(root, 'data');
  const running: CloudProcess[] = [];

  afterAll(async () => {
    for (const cloud of running) await stopCloudProcess(cloud);
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps every acknowledged payment exactly once after a restart, and lets the cut-off ones finish without paying twice', async () => {
    const people = await seedPayableResidents(dataDir, RESIDENTS);
    const first = await startCloudProcess({ rootDir: root, dataDir, today: TODAY });
    running.push(first);
    await inParallel(people, 4, async (person) => {
      dataOf(
        await post(first, '/api/register', person.openid, { name: person.name, idNumber: person.idNumber }),
        `register ${person.residentId}`,
      );
    });

    // The burst. Once the process is killed, whatever was in flight fails: those payments were never acknowledged.
    const acknowledged = new Map<string, string>(); // residentId → orderNo
    let killed = false;
    let cutOff = 0;
    await inParallel(people, CONCURRENCY, async (person) => {
      if (killed) return;
      try {
        const { order, token } = await createOrder(first, person);
        if (!token) throw new Error(`pay.create for ${person.residentId} returned no sandbox pay sheet`);
        if (await payOnSheet(first, token)) acknowledged.set(person.residentId, order.orderNo);
      } catch (error) {
        if (!killed) throw error;
        cutOff += 1;
        return;
      }
      if (!killed && acknowledged.size >= KILL_AFTER_ACKNOWLEDGED) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    });
    expect(await first.exited).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);
    console.log(
      `crash-safety: ${acknowledged.size} payments acknowledged before SIGKILL, ${cutOff} cut off in flight, ${RESIDENTS - acknowledged.size - cutOff} not started`,
    );

    const second = await startCloudProcess({ rootDir: root, dataDir, today: TODAY });
    running.push(second);
    const byResident = new Map(people.map((person) => [person.residentId, person]));
    for (const [residentId, orderNo] of acknowledged) {
      const status = await orderStatus(second, byResident.get(residentId) as PayableResident, orderNo);
      expect(status, `acknowledged order of ${residentId}`).toMatchObject({ orderNo, state: 'paid' });
    }

    // Everyone else tries again with the same request key: the same order comes back, paid at most once.
    const retries = { alreadyPaid: 0, settledByStatus: 0, paidNow: 0 };
    for (const person of people.filter((p) => !acknowledged.has(p.residentId))) {
      const created = await createOrder(second, person);
      const { token } = created;
      let { order } = created;
      if (order.state === 'paid') retries.alreadyPaid += 1;
      if (order.state === 'pending') {
        order = await orderStatus(second, person, order.orderNo);
        if (order.state === 'paid') retries.settledByStatus += 1;
      }
      if (order.state === 'pending' && token && (await payOnSheet(second, token))) retries.paidNow += 1;
      expect(
        await orderStatus(second, person, order.orderNo),
        `order of ${person.residentId} after the retry`,
      ).toMatchObject({ state: 'paid' });
    }
    console.log(
      `crash-safety: after the restart, retries found ${retries.alreadyPaid} already paid, ${retries.settledByStatus} settled by asking the gateway, ${retries.paidNow} paid now`,
    );
    await stopCloudProcess(second);

    const app = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
    const gateway = new Database(join(dataDir, SANDBOX_GATEWAY_FILE), { readonly: true, fileMustExist: true });
    try {
      expect(app.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(gateway.pragma('integrity_check', { simple: true })).toBe('ok');

      const paidItems = app
        .prepare<[], { resident_id: string; order_no: string }>(
          `SELECT i.resident_id, i.order_no FROM order_items i JOIN orders o USING (order_no)
            WHERE o.state = 'paid' AND i.resident_id LIKE 'load-r%'`,
        )
        .all();
      // Exactly one paid order per resident, and for the acknowledged ones it is the acknowledged order.
      expect(paidItems).toHaveLength(RESIDENTS);
      expect(new Set(paidItems.map((item) => item.resident_id)).size).toBe(RESIDENTS);
      const paidOrderOf = new Map(paidItems.map((item) => [item.resident_id, item.order_no]));
      for (const [residentId, orderNo] of acknowledged) expect(paidOrderOf.get(residentId)).toBe(orderNo);

      const enrollments = app
        .prepare<[], { resident_id: string; status: string; order_no: string | null }>(
          `SELECT resident_id, status, order_no FROM enrollments WHERE coverage_year = 2025 AND resident_id LIKE 'load-r%'`,
        )
        .all();
      expect(enrollments).toHaveLength(RESIDENTS);
      for (const enrollment of enrollments) {
        expect(enrollment).toEqual({
          resident_id: enrollment.resident_id,
          status: 'paid',
          order_no: paidOrderOf.get(enrollment.resident_id),
        });
      }

      // One charge per paid order at the gateway, and one recorded notification per charge.
      const charges = gateway
        .prepare<[], { order_no: string; transaction_id: string }>(
          `SELECT order_no, transaction_id FROM sandbox_payments WHERE state = 'paid'`,
        )
        .all();
      const paidOrders = new Set(paidOrderOf.values());
      expect(charges.filter((charge) => paidOrders.has(charge.order_no))).toHaveLength(RESIDENTS);
      const settled = app
        .prepare<[], { order_no: string; transaction_id: string }>(
          `SELECT order_no, transaction_id FROM orders WHERE state = 'paid'`,
        )
        .all();
      for (const charge of charges) {
        expect(settled.filter((order) => order.order_no === charge.order_no)).toEqual([charge]);
      }
      const notifications = app
        .prepare<[], { order_no: string; transaction_id: string }>(
          `SELECT order_no, transaction_id FROM payment_notifications WHERE outcome = 'paid'`,
        )
        .all();
      for (const notification of notifications) expect(charges).toContainEqual(notification);
    } finally {
      app.close();
      gateway.close();
    }
  }, 120_000);
});
