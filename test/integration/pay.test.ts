import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { family } from '../../cloudfunctions/family';
import { fixedClock } from '../../cloudfunctions/lib/clock';
import { PaymentError } from '../../cloudfunctions/lib/payments/errors';
import { SandboxPaymentGateway } from '../../cloudfunctions/lib/payments/sandbox-gateway';
import { createLogger } from '../../cloudfunctions/lib/pii';
import { startLocalCloud } from '../../cloudfunctions/local/cloud';
import { SANDBOX_GATEWAY_FILE } from '../../cloudfunctions/local/sandbox-pay';
import { pay } from '../../cloudfunctions/pay';
import type { PayOutput } from '../../shared/contracts/pay';
import { dataOf, errorOf, openWorld, SANDBOX_SECRET, zhangFamily, type Person, type World } from './family-pay-world';

let world: World;
let cast: Awaited<ReturnType<typeof zhangFamily>>;

beforeEach(async () => {
  world = await openWorld();
  cast = await zhangFamily(world);
});
afterEach(async () => world.close());

type Created = Extract<PayOutput, { action: 'create' }>;
type Source = 'wechat' | 'employee-account';
let keys = 0;

/** Binds `person` to `owner` and, for a relative of 14 or over, confirms from the relative's own WeChat. */
async function boundAndConfirmed(owner: string, person: Person, relationship: string): Promise<string> {
  const answer = dataOf(
    await world.call(family, owner, {
      action: 'bind',
      name: person.resident.name,
      idNumber: person.idNumber,
      relationship,
    }),
  );
  if (answer.action !== 'bind') throw new Error('wrong action');
  if (answer.consent) {
    if (!person.openid) throw new Error('the relative has no WeChat to confirm from');
    dataOf(await world.call(family, person.openid, { action: 'confirm', code: answer.consent.code }));
  }
  return answer.binding.bindingId;
}

const byId = (person: Person) => ({ name: person.resident.name, idNumber: person.idNumber });

function create(
  openid: string,
  people: unknown[],
  source: Source = 'wechat',
  idempotencyKey = `key-${(keys += 1)}-abcdef`,
) {
  return world.call(pay, openid, { action: 'create', people, source, idempotencyKey });
}

function preview(openid: string, people: unknown[], source: Source = 'wechat') {
  return world.call(pay, openid, { action: 'preview', people, source });
}

async function created(openid: string, people: unknown[], source: Source = 'wechat', key?: string): Promise<Created> {
  const answer = dataOf(await create(openid, people, source, key));
  if (answer.action !== 'create') throw new Error('wrong action');
  return answer;
}

async function status(openid: string, orderNo: string) {
  const answer = dataOf(await world.call(pay, openid, { action: 'status', orderNo }));
  if (answer.action !== 'status') throw new Error('wrong action');
  return answer.order;
}

const orderCount = () => world.countRows('app', 'SELECT COUNT(*) FROM orders');
const gatewayCount = (where = '1 = 1') =>
  world.countRows('gateway', `SELECT COUNT(*) FROM sandbox_payments WHERE ${where}`);

describe('pay: the WeChat Pay journey', () => {
  it('pays for me and a consenting relative in one order, and the notification marks both paid with cover from 1 January', async () => {
    await boundAndConfirmed('o-li', cast.daughter, 'child');
    const quoted = dataOf(await preview('o-li', [{ residentRef: 'self' }, byId(cast.daughter)]));
    expect(quoted).toMatchObject({
      total: 800,
      warnings: [],
      people: [
        { name: '李秀英', relationship: 'self', amountDue: 400 },
        { name: '张丽', relationship: 'child' },
      ],
    });

    const answer = await created('o-li', [{ residentRef: 'self' }, byId(cast.daughter)]);
    expect(answer.order).toMatchObject({ state: 'pending', total: 800, source: 'wechat' });
    expect(answer.payParams).toMatchObject({ kind: 'sandbox', path: expect.stringMatching(/^\/sandbox-pay\?token=/) });

    const acted = await world.sandbox.gateway.payerActs(answer.order.orderNo, 'pay');
    expect(acted.delivery.status).toBe('delivered');
    const paid = await status('o-li', answer.order.orderNo);
    expect(paid).toMatchObject({
      state: 'paid',
      paidAt: expect.any(String),
      transactionId: expect.stringMatching(/^SBX/),
    });
    expect(paid.items.map((i) => i.cover)).toEqual([
      { start: '2025-01-01', end: '2025-12-31' },
      { start: '2025-01-01', end: '2025-12-31' },
    ]);
    expect(await world.storage.enrollments.get(cast.daughter.resident.id, 2025)).toMatchObject({
      status: 'paid',
      paidOn: '2024-11-15',
      coverageStart: '2025-01-01',
      orderNo: answer.order.orderNo,
    });
    const logs = world.logLines.join('\n');
    for (const person of Object.values(cast)) expect(logs).not.toContain(person.idNumber);
  });

  it('lets anyone pay for another person by name and ID number, showing only what is due', async () => {
    const quoted = dataOf(await preview('o-stranger', [byId(cast.grandma)]));
    expect(quoted).toMatchObject({ people: [{ name: '王*兰', relationship: null, amountDue: 400, details: null }] });
    const answer = await created('o-stranger', [byId(cast.grandma)]);
    await world.sandbox.gateway.payerActs(answer.order.orderNo, 'pay');
    const paid = await status('o-stranger', answer.order.orderNo);
    expect(paid).toMatchObject({ state: 'paid', items: [{ name: '王*兰', cover: null }] });
    expect((await world.storage.enrollments.get(cast.grandma.resident.id, 2025))?.status).toBe('paid');
  });

  it('charges a certified subsidised person only their share', async () => {
    await world.certify(cast.grandma.resident.id, 'monitored-rural');
    const quoted = dataOf(await preview('o-grandma', [{ residentRef: 'self' }]));
    expect(quoted).toMatchObject({ total: 40, people: [{ details: { standardAmount: 400, subsidyAmount: 360 } }] });
  });

  it('registers and pays a person renewed by default after paying last year', async () => {
    const renewed = await world.person({ name: '林美玲', birthDate: '1994-04-11', openid: 'o-lin', registered: false });
    await world.paidYear(renewed.resident.id, 2024);
    const answer = await created('o-lin', [{ residentRef: 'self' }]);
    expect(await world.storage.enrollments.get(renewed.resident.id, 2025)).toMatchObject({
      status: 'registered',
      orderNo: answer.order.orderNo,
    });
    await world.sandbox.gateway.payerActs(answer.order.orderNo, 'pay');
    expect((await world.storage.enrollments.get(renewed.resident.id, 2025))?.status).toBe('paid');
  });

  it('warns before paying when the payment buys no cover this year, naming only what the payer may see', async () => {
    world.clock.set('2025-11-15');
    const own = dataOf(await preview('o-li', [{ residentRef: 'self' }]));
    expect(own).toMatchObject({ people: [{ details: { coverageStart: null } }] });
    expect(own.action === 'preview' && own.warnings[0]).toContain('不能享受2025年度待遇');
    const other = dataOf(await create('o-stranger', [byId(cast.grandma)]));
    expect(other).toMatchObject({
      warnings: [expect.stringMatching(/^王\*兰（350\*+\d{3}[\dX]）：按今天缴费.*不能享受2025年度待遇/)],
    });
  });

  it('records a failed payment and frees its people for a new order', async () => {
    const answer = await created('o-li', [{ residentRef: 'self' }]);
    await world.sandbox.gateway.payerActs(answer.order.orderNo, 'fail');
    expect(await status('o-li', answer.order.orderNo)).toMatchObject({ state: 'failed' });
    expect((await world.storage.enrollments.get(cast.li.resident.id, 2025))?.orderNo).toBeNull();
    expect((await created('o-li', [{ residentRef: 'self' }])).order.orderNo).not.toBe(answer.order.orderNo);
  });

  it('finds a payment whose notification never came by asking the gateway, and the late notification then changes nothing', async () => {
    const answer = await created('o-li', [{ residentRef: 'self' }]);
    // The payer pays on a gateway whose notification is lost on the way.
    const deaf = new SandboxPaymentGateway({
      databasePath: join(world.dir, SANDBOX_GATEWAY_FILE),
      secret: SANDBOX_SECRET,
      clock: world.clock,
    });
    try {
      expect((await deaf.payerActs(answer.order.orderNo, 'pay')).delivery.status).toBe('no_receiver');
    } finally {
      deaf.close();
    }
    expect((await world.storage.orders.get(answer.order.orderNo))?.state).toBe('pending');
    expect(await status('o-li', answer.order.orderNo)).toMatchObject({ state: 'paid' });
    const before = world.snapshot();
    expect((await world.sandbox.gateway.resendNotification(answer.order.orderNo)).delivery.status).toBe('delivered');
    expect(world.snapshot()).toEqual(before);
  });
});

describe('pay: orders expire and can be cancelled', () => {
  it('does not let an expired order be paid, and frees its people', async () => {
    const answer = await created('o-li', [{ residentRef: 'self' }]);
    world.clock.advance(31 * 60 * 1000);
    await expect(world.sandbox.gateway.payerActs(answer.order.orderNo, 'pay')).rejects.toMatchObject({
      code: 'PAYMENT_EXPIRED',
    });
    expect(await status('o-li', answer.order.orderNo)).toMatchObject({ state: 'expired' });
    expect((await world.storage.enrollments.get(cast.li.resident.id, 2025))?.orderNo).toBeNull();
    expect((await created('o-li', [{ residentRef: 'self' }])).order.state).toBe('pending');
  });

  it('frees the people of an order past its deadline when they are ordered again, after the gateway confirms it was not paid', async () => {
    const first = await created('o-li', [{ residentRef: 'self' }]);
    world.clock.advance(31 * 60 * 1000);
    const second = await created('o-li', [{ residentRef: 'self' }]);
    expect(second.order.orderNo).not.toBe(first.order.orderNo);
    expect((await world.storage.orders.get(first.order.orderNo))?.state).toBe('expired');
  });

  it('never lets an order outlive the day it was priced on', async () => {
    world.clock.set('2024-11-15', '23:50:00');
    const answer = await created('o-li', [{ residentRef: 'self' }]);
    expect(answer.order.expiresAt).toBe('2024-11-15T16:00:00.000Z');
    world.clock.set('2024-11-15', '23:59:00');
    expect(errorOf(await create('o-grandma', [{ residentRef: 'self' }])).code).toBe('TOO_CLOSE_TO_MIDNIGHT');
  });

  it('cancels a pending order at the gateway and frees its people', async () => {
    const answer = await created('o-li', [{ residentRef: 'self' }]);
    const cancelled = dataOf(await world.call(pay, 'o-li', { action: 'cancel', orderNo: answer.order.orderNo }));
    expect(cancelled).toMatchObject({ order: { state: 'failed', failureReason: '已取消' } });
    expect(await world.sandbox.gateway.queryPayment(answer.order.orderNo)).toMatchObject({ state: 'closed' });
    await expect(world.sandbox.gateway.payerActs(answer.order.orderNo, 'pay')).rejects.toBeInstanceOf(PaymentError);
    expect((await world.storage.enrollments.get(cast.li.resident.id, 2025))?.orderNo).toBeNull();
  });

  it('refuses to cancel a paid order', async () => {
    const answer = await created('o-li', [{ residentRef: 'self' }]);
    await world.sandbox.gateway.payerActs(answer.order.orderNo, 'pay');
    expect(errorOf(await world.call(pay, 'o-li', { action: 'cancel', orderNo: answer.order.orderNo })).code).toBe(
      'ORDER_ALREADY_PAID',
    );
  });
});

describe('pay: all or nothing, and never twice', () => {
  it('refuses the whole order when one person cannot pay, naming each person and why', async () => {
    const subsidised = await world.person({ name: '周嘉欣', birthDate: '1990-03-03' });
    await world.certify(subsidised.resident.id, 'minimum-living');
    const unregistered = await world.person({ name: '刘海燕', birthDate: '1988-06-25', registered: false });
    const refusal = errorOf(await create('o-li', [{ residentRef: 'self' }, byId(subsidised), byId(unregistered)]));
    expect(refusal.code).toBe('FULLY_SUBSIDISED');
    expect(refusal.message).toContain('需每个人都符合条件才能一起缴费');
    expect(refusal.message).toContain(
      `周*欣（${subsidised.resident.idMasked}）：属于全额资助对象，个人无需缴费，由相关部门代缴`,
    );
    expect(refusal.message).toContain(
      `刘*燕（${unregistered.resident.idMasked}）：还没有办理2025年度参保登记，请先完成参保登记。`,
    );
    expect(orderCount()).toBe(0);
    expect(gatewayCount()).toBe(0);
  });

  it('refuses a person already paid for the year', async () => {
    const answer = await created('o-li', [{ residentRef: 'self' }]);
    await world.sandbox.gateway.payerActs(answer.order.orderNo, 'pay');
    expect(errorOf(await create('o-stranger', [byId(cast.li)])).code).toBe('ALREADY_PAID');
  });

  it('refuses someone in employee insurance, and the same person twice in one order', async () => {
    expect(errorOf(await create('o-zhang', [{ residentRef: 'self' }])).code).toBe('IN_EMPLOYEE_INSURANCE');
    expect(errorOf(await create('o-li', [{ residentRef: 'self' }, byId(cast.li)])).code).toBe('DUPLICATE_PERSON');
  });

  it('returns my pending order for the same people instead of charging them twice, and refuses overlapping orders', async () => {
    const first = await created('o-li', [{ residentRef: 'self' }, byId(cast.daughter)]);
    const again = await created('o-li', [byId(cast.daughter), { residentRef: 'self' }]);
    expect(again).toMatchObject({ reused: true, order: { orderNo: first.order.orderNo } });
    expect(errorOf(await create('o-li', [{ residentRef: 'self' }])).code).toBe('PERSON_IN_PENDING_ORDER');
    expect(errorOf(await create('o-stranger', [byId(cast.li)])).code).toBe('PERSON_IN_PENDING_ORDER');
    expect(orderCount()).toBe(1);
    expect(gatewayCount()).toBe(1);
  });

  it('refuses a request key reused for a different payment', async () => {
    await created('o-li', [{ residentRef: 'self' }], 'wechat', 'same-key-123');
    expect(
      errorOf(await create('o-li', [{ residentRef: 'self' }, byId(cast.daughter)], 'wechat', 'same-key-123')).code,
    ).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('makes one order and one charge out of 200 concurrent identical requests', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => create('o-li', [{ residentRef: 'self' }], 'wechat', 'double-tap-key')),
    );
    const orderNos = new Set(answers.map((a) => (dataOf(a) as Created).order.orderNo));
    expect(orderNos.size).toBe(1);
    expect(orderCount()).toBe(1);
    expect(world.logLines.filter((line) => line.includes('"order_created"'))).toHaveLength(1);
    expect(gatewayCount()).toBe(1);
    const [orderNo] = [...orderNos];
    if (!orderNo) throw new Error('no order');
    await world.sandbox.gateway.payerActs(orderNo, 'pay');
    await expect(world.sandbox.gateway.payerActs(orderNo, 'pay')).rejects.toMatchObject({ code: 'ORDER_ALREADY_PAID' });
    expect(gatewayCount("state = 'paid'")).toBe(1);
    expect(world.countRows('app', 'SELECT COUNT(*) FROM payment_notifications')).toBe(1);
    const replayed = await created('o-li', [{ residentRef: 'self' }], 'wechat', 'double-tap-key');
    expect(replayed).toMatchObject({ reused: true, payParams: null, order: { orderNo, state: 'paid' } });
  });
});

describe('pay: the employee account (家庭共济)', () => {
  beforeEach(() => world.sandbox.employeeAccount.setBalance('o-zhang', 100_000));

  it('pays at once for a close relative who consented, inside the family-payment windows', async () => {
    await boundAndConfirmed('o-zhang', cast.li, 'spouse');
    const answer = await created('o-zhang', [byId(cast.li)], 'employee-account');
    expect(answer).toMatchObject({ payParams: null, order: { state: 'paid', source: 'employee-account', total: 400 } });
    expect(await world.sandbox.employeeAccount.getBalance('o-zhang')).toEqual({ balanceFen: 60_000 });
    expect(await world.storage.enrollments.get(cast.li.resident.id, 2025)).toMatchObject({
      status: 'paid',
      coverageStart: '2025-01-01',
    });
  });

  it('pays for a child under 14 bound by the guardian', async () => {
    await boundAndConfirmed('o-zhang', cast.son, 'child');
    expect((await created('o-zhang', [byId(cast.son)], 'employee-account')).order.state).toBe('paid');
  });

  it('debits once for 200 concurrent identical requests', async () => {
    await boundAndConfirmed('o-zhang', cast.li, 'spouse');
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => create('o-zhang', [byId(cast.li)], 'employee-account', 'family-key-1')),
    );
    expect(new Set(answers.map((a) => (dataOf(a) as Created).order.orderNo)).size).toBe(1);
    expect(await world.sandbox.employeeAccount.getBalance('o-zhang')).toEqual({ balanceFen: 60_000 });
    expect(orderCount()).toBe(1);
  });

  it('is refused outside the family-payment windows, citing the clause', async () => {
    await boundAndConfirmed('o-zhang', cast.li, 'spouse');
    world.clock.set('2025-03-15');
    const refusal = errorOf(await create('o-zhang', [byId(cast.li)], 'employee-account'));
    expect(refusal.code).toBe('FAMILY_PAYMENT_CLOSED');
    expect(refusal.message).toContain(
      '家庭共济代缴仅限集中参保缴费期（2024-09-01至2024-12-31）、延长参保缴费期（2025-01-01至2025-02-28）办理',
    );
    expect(refusal.message).toContain('五（三）');
    expect(orderCount()).toBe(0);
  });

  it('is refused for a relative who has not consented, for a relative who is not close, and for oneself', async () => {
    await world.call(family, 'o-zhang', {
      action: 'bind',
      name: cast.grandma.resident.name,
      idNumber: cast.grandma.idNumber,
      relationship: 'parent',
    });
    expect(errorOf(await create('o-zhang', [byId(cast.grandma)], 'employee-account')).code).toBe('NO_CONSENT');
    await boundAndConfirmed('o-zhang', cast.stranger, 'other');
    expect(errorOf(await create('o-zhang', [byId(cast.stranger)], 'employee-account')).code).toBe('NOT_CLOSE_RELATIVE');
    expect(errorOf(await create('o-li', [{ residentRef: 'self' }], 'employee-account')).code).toBe(
      'FAMILY_PAYMENT_NOT_FOR_SELF',
    );
    expect(await world.sandbox.employeeAccount.getBalance('o-zhang')).toEqual({ balanceFen: 100_000 });
  });

  it('gives back a debit a cut-off attempt made when the relative withdrew consent before the order settled', async () => {
    const bindingId = await boundAndConfirmed('o-zhang', cast.li, 'spouse');
    // As a process killed between the debit and its settlement leaves it: a pending order, the account debited.
    const orderNo = 'P20241115cutoff000000001';
    const at = world.clock.now().toISOString();
    await world.storage.transaction(async (tx) => {
      await tx.orders.insert({
        orderNo,
        payerOpenid: 'o-zhang',
        idempotencyKey: 'cut-off-key-1',
        source: 'employee-account',
        state: 'pending',
        items: [
          {
            residentId: cast.li.resident.id,
            policyId: 'fj-quanzhou-taishang-2025',
            coverageYear: 2025,
            amountFen: 40_000,
          },
        ],
        totalFen: 40_000,
        createdAt: at,
        updatedAt: at,
        expiresAt: new Date(world.clock.now().getTime() + 30 * 60 * 1000).toISOString(),
        paidAt: null,
        transactionId: null,
        failureReason: null,
      });
      await tx.enrollments.update(cast.li.resident.id, 2025, 'registered', { orderNo, updatedAt: at });
    });
    await world.sandbox.employeeAccount.debit({
      holderOpenid: 'o-zhang',
      orderNo,
      amountFen: 40_000,
      beneficiaries: [{ relationship: 'spouse' }],
    });
    dataOf(await world.call(family, 'o-li', { action: 'unbind', bindingId }));

    expect(await status('o-zhang', orderNo)).toMatchObject({ state: 'failed' });
    expect(await world.sandbox.employeeAccount.getBalance('o-zhang')).toEqual({ balanceFen: 100_000 });
    expect(await world.storage.enrollments.get(cast.li.resident.id, 2025)).toMatchObject({
      status: 'registered',
      orderNo: null,
    });
  });

  it('refuses an account without enough balance before any order exists', async () => {
    world.sandbox.employeeAccount.setBalance('o-zhang', 100);
    await boundAndConfirmed('o-zhang', cast.li, 'spouse');
    expect(errorOf(await create('o-zhang', [byId(cast.li)], 'employee-account')).code).toBe('INSUFFICIENT_BALANCE');
    expect(orderCount()).toBe(0);
  });
});

describe('pay: the local cloud’s sandbox pay sheet, end to end over HTTP', () => {
  it('opens the sheet from payParams, pays on it, and the order is paid through payNotify in-process', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sandbox-sheet-'));
    const cloud = await startLocalCloud({
      port: 0,
      rootDir: root,
      dataDir: join(root, 'data'),
      env: {},
      clock: fixedClock('2024-11-15'),
      log: createLogger({}, () => undefined),
    });
    try {
      await cloud.deps.storage.enrollments.insert({
        residentId: 'demo-r02',
        policyId: 'fj-quanzhou-taishang-2025',
        coverageYear: 2025,
        status: 'registered',
        registeredOn: '2024-11-01',
        registeredBy: 'demo-li',
        paidOn: null,
        coverageStart: null,
        coverageEnd: '2025-12-31',
        orderNo: null,
        updatedAt: '2024-11-01T02:00:00.000Z',
      });
      const api = async (event: unknown) => {
        const response = await fetch(`${cloud.url}/api/pay`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-openid': 'demo-li' },
          body: JSON.stringify(event),
        });
        return (await response.json()) as { ok: boolean; data: Created };
      };
      const answer = await api({
        action: 'create',
        people: [{ residentRef: 'self' }],
        source: 'wechat',
        idempotencyKey: 'http-sheet-key',
      });
      const params = answer.data.payParams;
      if (params?.kind !== 'sandbox') throw new Error('expected sandbox pay params');

      const sheet = await fetch(`${cloud.url}${params.path}&returnTo=/pages/pay/result`);
      expect(sheet.status).toBe(200);
      const html = await sheet.text();
      expect(html).toContain('400元');
      expect(html).toContain('确认支付');

      const acted = await fetch(`${cloud.url}/sandbox-pay/act`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          token: params.token,
          outcome: 'pay',
          returnTo: 'https://evil.example/',
        }).toString(),
      });
      const result = await acted.text();
      expect(result).toContain('支付成功');
      expect(result).not.toContain('evil.example');

      const polled = await api({ action: 'status', orderNo: answer.data.order.orderNo });
      expect(polled.data.order).toMatchObject({ state: 'paid', items: [{ cover: { start: '2025-01-01' } }] });
      const again = await fetch(`${cloud.url}/sandbox-pay/act`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: params.token, outcome: 'pay' }),
      });
      expect(again.status).toBe(409);
      expect(await cloud.deps.payments?.employeeAccount.getBalance('demo-zhang')).toEqual({ balanceFen: 300_000 });
    } finally {
      await cloud.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
