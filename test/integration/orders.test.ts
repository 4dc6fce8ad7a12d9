import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { family } from '../../cloudfunctions/family';
import { orders } from '../../cloudfunctions/orders';
import { pay } from '../../cloudfunctions/pay';
import { dataOf, openWorld, zhangFamily, type Person, type World } from './family-pay-world';

let world: World;
let cast: Awaited<ReturnType<typeof zhangFamily>>;

beforeEach(async () => {
  world = await openWorld();
  cast = await zhangFamily(world);
});
afterEach(async () => world.close());

const byId = (person: Person) => ({ name: person.resident.name, idNumber: person.idNumber });

async function order(openid: string, people: unknown[], key: string): Promise<string> {
  const created = dataOf(
    await world.call(pay, openid, { action: 'create', people, source: 'wechat', idempotencyKey: key }),
  );
  if (created.action !== 'create') throw new Error('wrong action');
  return created.order.orderNo;
}

describe('orders: my payment history', () => {
  it('lists my orders newest first, naming me and consenting relatives in full and anyone else masked', async () => {
    const first = await order('o-li', [{ residentRef: 'self' }], 'history-key-1');
    await world.sandbox.gateway.payerActs(first, 'pay');
    world.clock.advance(60_000);
    const second = await order('o-li', [byId(cast.grandma)], 'history-key-2');

    const listed = dataOf(await world.call(orders, 'o-li', { action: 'list' }));
    expect(listed).toEqual({
      action: 'list',
      orders: [
        expect.objectContaining({ orderNo: second, state: 'pending', total: 400, names: ['王*兰'], paidAt: null }),
        expect.objectContaining({
          orderNo: first,
          state: 'paid',
          total: 400,
          names: ['李秀英'],
          paidAt: expect.any(String),
        }),
      ],
    });
    expect(dataOf(await world.call(orders, 'o-li', { action: 'list', limit: 1 }))).toMatchObject({
      orders: [{ orderNo: second }],
    });
  });

  it('is empty for someone who never paid', async () => {
    expect(dataOf(await world.call(orders, 'o-stranger', { action: 'list' }))).toEqual({ action: 'list', orders: [] });
  });
});

describe('orders: the receipt', () => {
  it('shows the payer, each person with a masked ID number and amount, the clause, the transaction and when it was paid', async () => {
    const bound = dataOf(
      await world.call(family, 'o-li', { action: 'bind', ...byId(cast.daughter), relationship: 'child' }),
    );
    if (bound.action !== 'bind' || !bound.consent) throw new Error('expected a consent code');
    dataOf(await world.call(family, 'o-daughter', { action: 'confirm', code: bound.consent.code }));
    const orderNo = await order(
      'o-li',
      [{ residentRef: 'self' }, { residentRef: bound.binding.bindingId }, byId(cast.grandma)],
      'receipt-key-1',
    );
    await world.sandbox.gateway.payerActs(orderNo, 'pay');

    const answer = dataOf(await world.call(orders, 'o-li', { action: 'receipt', orderNo }));
    if (answer.action !== 'receipt') throw new Error('wrong action');
    const { receipt } = answer;
    expect(receipt).toMatchObject({
      orderNo,
      state: 'paid',
      source: 'wechat',
      total: 1200,
      payer: { name: '李秀英', idMasked: cast.li.resident.idMasked },
      transactionId: expect.stringMatching(/^SBX/),
      paidAt: expect.any(String),
      basis: [
        { policyId: 'fj-quanzhou-taishang-2025', source: { document: '泉州台商投资区2025年度工作方案', clause: '二' } },
      ],
      items: [
        {
          name: '李秀英',
          relationship: 'self',
          amount: 400,
          coverageYear: 2025,
          cover: { start: '2025-01-01', end: '2025-12-31' },
        },
        { name: '张丽', relationship: 'child', amount: 400, cover: { start: '2025-01-01', end: '2025-12-31' } },
        { name: '王*兰', relationship: null, amount: 400, cover: null, idMasked: cast.grandma.resident.idMasked },
      ],
    });
    const text = JSON.stringify(receipt);
    for (const person of Object.values(cast)) expect(text).not.toContain(person.idNumber);
  });
});
