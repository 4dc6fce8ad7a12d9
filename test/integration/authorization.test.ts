/**
 * The authorization matrix: user A (李秀英) tries to reach what belongs to user B (张建国) — B's bindings,
 * B's orders and receipts, B's employee account — and a binding B asked of C (张丽). Every attempt is
 * refused (or shows A only A's own things), and no attempt changes any database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { family } from '../../cloudfunctions/family';
import type { CloudFunction } from '../../cloudfunctions/lib/handler';
import { orders } from '../../cloudfunctions/orders';
import { pay } from '../../cloudfunctions/pay';
import { dataOf, errorOf, openWorld, zhangFamily, type World } from './family-pay-world';

const A = 'o-li';
const B = 'o-zhang';
const C = 'o-daughter';

let world: World;
let cast: Awaited<ReturnType<typeof zhangFamily>>;
let ofB: { sonBinding: string; pendingForC: string; shareTokenForC: string; codeForC: string; order: string };

beforeEach(async () => {
  world = await openWorld();
  cast = await zhangFamily(world);
  world.sandbox.employeeAccount.setBalance(B, 100_000);
  const son = dataOf(
    await world.call(family, B, {
      action: 'bind',
      name: cast.son.resident.name,
      idNumber: cast.son.idNumber,
      relationship: 'child',
    }),
  );
  const forC = dataOf(
    await world.call(family, B, {
      action: 'bind',
      name: cast.daughter.resident.name,
      idNumber: cast.daughter.idNumber,
      relationship: 'child',
    }),
  );
  if (son.action !== 'bind' || forC.action !== 'bind' || !forC.consent) throw new Error('unexpected bind answers');
  const created = dataOf(
    await world.call(pay, B, {
      action: 'create',
      people: [{ residentRef: son.binding.bindingId }],
      source: 'wechat',
      idempotencyKey: 'b-order-key',
    }),
  );
  if (created.action !== 'create') throw new Error('wrong action');
  ofB = {
    sonBinding: son.binding.bindingId,
    pendingForC: forC.binding.bindingId,
    shareTokenForC: forC.consent.shareToken,
    codeForC: forC.consent.code,
    order: created.order.orderNo,
  };
});
afterEach(async () => world.close());

type Attempt = [string, CloudFunction, () => unknown, string];

const refused: Attempt[] = [
  [
    'confirm a binding B asked of C, with its share card',
    family,
    () => ({ action: 'confirm', token: ofB.shareTokenForC }),
    'NOT_YOUR_REQUEST',
  ],
  [
    'confirm a binding B asked of C, with its code',
    family,
    () => ({ action: 'confirm', code: ofB.codeForC }),
    'NO_PENDING_REQUEST',
  ],
  [
    'unbind B’s binding of B’s child',
    family,
    () => ({ action: 'unbind', bindingId: ofB.sonBinding }),
    'BINDING_NOT_FOUND',
  ],
  [
    'unbind the binding B asked of C',
    family,
    () => ({ action: 'unbind', bindingId: ofB.pendingForC }),
    'BINDING_NOT_FOUND',
  ],
  ['read the status of B’s order', pay, () => ({ action: 'status', orderNo: ofB.order }), 'ORDER_NOT_FOUND'],
  ['cancel B’s order', pay, () => ({ action: 'cancel', orderNo: ofB.order }), 'ORDER_NOT_FOUND'],
  ['read the receipt of B’s order', orders, () => ({ action: 'receipt', orderNo: ofB.order }), 'ORDER_NOT_FOUND'],
  [
    'pay for B’s child through B’s binding',
    pay,
    () => ({ action: 'preview', people: [{ residentRef: ofB.sonBinding }], source: 'wechat' }),
    'PERSON_NOT_FOUND',
  ],
  [
    'pay from an employee account for B’s child through B’s binding',
    pay,
    () => ({
      action: 'create',
      people: [{ residentRef: ofB.sonBinding }],
      source: 'employee-account',
      idempotencyKey: 'a-steals-key',
    }),
    'PERSON_NOT_FOUND',
  ],
  [
    'pay from an employee account for B’s child by name and ID number',
    pay,
    () => ({
      action: 'create',
      people: [{ name: cast.son.resident.name, idNumber: cast.son.idNumber }],
      source: 'employee-account',
      idempotencyKey: 'a-steals-key-2',
    }),
    'NO_CONSENT',
  ],
  ['claim to be B with an OPENID in the event', orders, () => ({ action: 'list', openid: B }), 'INVALID_INPUT'],
];

describe('authorization: user A cannot reach user B’s family, orders or account', () => {
  it.each(refused)('A cannot %s, and nothing changes', async (_what, fn, event, code) => {
    const before = world.snapshot();
    const refusal = errorOf(await world.call(fn, A, event()));
    expect(refusal.code).toBe(code);
    expect(world.snapshot()).toEqual(before);
    expect(await world.sandbox.employeeAccount.getBalance(B)).toEqual({ balanceFen: 100_000 });
  });

  it('A’s lists show only A’s own bindings and orders, whatever the event claims', async () => {
    const bindings = dataOf(await world.call(family, A, { action: 'list', userInfo: { openId: B } }));
    expect(bindings).toEqual({ action: 'list', mine: [], askedOfMe: [] });
    expect(dataOf(await world.call(orders, A, { action: 'list' }))).toEqual({ action: 'list', orders: [] });
  });

  it('C, the one it was asked of, can still confirm after A’s attempts', async () => {
    await world.call(family, A, { action: 'confirm', token: ofB.shareTokenForC });
    expect(dataOf(await world.call(family, C, { action: 'confirm', token: ofB.shareTokenForC }))).toMatchObject({
      request: { status: 'confirmed' },
    });
  });

  it.each([
    ['family', family, { action: 'list' }],
    ['pay', pay, { action: 'status', orderNo: 'P2024111500000000000000' }],
    ['orders', orders, { action: 'list' }],
  ] as Array<[string, CloudFunction, unknown]>)(
    '%s refuses a caller the platform does not vouch for',
    async (_name, fn, event) => {
      expect(errorOf(await world.call(fn, null, event)).code).toBe('UNAUTHENTICATED');
    },
  );
});
