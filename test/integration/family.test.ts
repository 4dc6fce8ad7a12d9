import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { family } from '../../cloudfunctions/family';
import { dataOf, errorOf, openWorld, zhangFamily, type Person, type World } from './family-pay-world';

let world: World;
let cast: Awaited<ReturnType<typeof zhangFamily>>;

beforeEach(async () => {
  world = await openWorld();
  cast = await zhangFamily(world);
});
afterEach(async () => world.close());

const bindEvent = (person: Person, relationship: string) => ({
  action: 'bind',
  name: person.resident.name,
  idNumber: person.idNumber,
  relationship,
});

async function bind(openid: string, person: Person, relationship: string) {
  return world.call(family, openid, bindEvent(person, relationship));
}

describe('family: binding a relative aged 14 or over', () => {
  it('creates a pending binding with a one-time code, stores only its keyed hash, and shows the relative masked', async () => {
    const answer = dataOf(await bind('o-li', cast.daughter, 'child'));
    if (answer.action !== 'bind') throw new Error('wrong action');
    expect(answer.binding).toMatchObject({ status: 'pending', relationship: 'child', name: '张*', confirmedBy: null });
    expect(answer.binding.idMasked).toMatch(/^350\*{11}\d{3}[\dX]$/);
    expect(answer.consent?.code).toMatch(/^\d{6}$/);
    expect(answer.consent?.shareToken).toBe(`${answer.binding.bindingId}.${answer.consent?.code}`);
    const stored = await world.storage.familyBindings.get(answer.binding.bindingId);
    expect(stored?.consentCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(world.snapshot())).not.toContain(`"${answer.consent?.code}"`);
  });

  it('is confirmed by the relative from their own WeChat with the code, and then shows their full name', async () => {
    const { consent } = dataOf(await bind('o-li', cast.daughter, 'child')) as { consent: { code: string } };
    const confirmed = dataOf(await world.call(family, 'o-daughter', { action: 'confirm', code: consent.code }));
    expect(confirmed).toMatchObject({
      action: 'confirm',
      request: { status: 'confirmed', requesterName: '李*英', relationship: 'child' },
    });
    const listed = dataOf(await world.call(family, 'o-li', { action: 'list' }));
    expect(listed).toMatchObject({
      mine: [{ name: '张丽', status: 'confirmed', confirmedBy: 'relative', consentExpiresAt: null }],
    });
    expect((await world.storage.familyBindings.listByOwner('o-li'))[0]?.consentCodeHash).toBeNull();
  });

  it('is confirmed through the share card token the same way, and opening the card again changes nothing', async () => {
    const { consent } = dataOf(await bind('o-zhang', cast.grandma, 'parent')) as { consent: { shareToken: string } };
    const confirmed = dataOf(await world.call(family, 'o-grandma', { action: 'confirm', token: consent.shareToken }));
    expect(confirmed).toMatchObject({ request: { status: 'confirmed' } });
    const before = world.snapshot();
    const reopened = dataOf(await world.call(family, 'o-grandma', { action: 'confirm', token: consent.shareToken }));
    expect(reopened).toMatchObject({ request: { status: 'confirmed' } });
    expect(world.snapshot()).toEqual(before);
  });

  it('refuses a wrong code, counts it, and voids the request after five wrong codes', async () => {
    const { consent } = dataOf(await bind('o-li', cast.daughter, 'child')) as { consent: { code: string } };
    const wrong = consent.code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left -= 1) {
      expect(errorOf(await world.call(family, 'o-daughter', { action: 'confirm', code: wrong }))).toEqual({
        code: 'WRONG_CODE',
        message: `授权码不正确，还可以再试${left}次。`,
      });
    }
    expect(errorOf(await world.call(family, 'o-daughter', { action: 'confirm', code: wrong })).code).toBe(
      'CONSENT_VOIDED',
    );
    expect(errorOf(await world.call(family, 'o-daughter', { action: 'confirm', code: consent.code })).code).toBe(
      'NO_PENDING_REQUEST',
    );
    expect((await world.storage.familyBindings.listByOwner('o-li'))[0]).toMatchObject({
      status: 'revoked',
      consentAttempts: 5,
    });
  });

  it('refuses an expired code and lists the request as expired', async () => {
    const { consent } = dataOf(await bind('o-li', cast.daughter, 'child')) as { consent: { code: string } };
    world.clock.advance(24 * 60 * 60 * 1000 + 1000);
    expect(errorOf(await world.call(family, 'o-daughter', { action: 'confirm', code: consent.code })).code).toBe(
      'CONSENT_EXPIRED',
    );
    expect(dataOf(await world.call(family, 'o-li', { action: 'list' }))).toMatchObject({
      mine: [{ status: 'expired' }],
    });
  });

  it('returns the existing binding when asked again, with a fresh code that replaces the old one', async () => {
    const first = dataOf(await bind('o-li', cast.daughter, 'child')) as {
      binding: { bindingId: string };
      consent: { code: string };
    };
    const second = dataOf(await bind('o-li', cast.daughter, 'child')) as {
      binding: { bindingId: string };
      consent: { code: string };
      existing: boolean;
    };
    expect(second.binding.bindingId).toBe(first.binding.bindingId);
    expect(second.existing).toBe(true);
    if (first.consent.code !== second.consent.code) {
      expect(
        errorOf(await world.call(family, 'o-daughter', { action: 'confirm', code: first.consent.code })).code,
      ).toBe('WRONG_CODE');
    }
    dataOf(await world.call(family, 'o-daughter', { action: 'confirm', code: second.consent.code }));
    const third = dataOf(await bind('o-li', cast.daughter, 'child'));
    expect(third).toMatchObject({
      existing: true,
      consent: null,
      binding: { bindingId: first.binding.bindingId, status: 'confirmed' },
    });
    expect(await world.storage.familyBindings.listByOwner('o-li')).toHaveLength(1);
  });

  it('shows the relative the requests asked of them, with the requester masked', async () => {
    await bind('o-li', cast.daughter, 'child');
    const listed = dataOf(await world.call(family, 'o-daughter', { action: 'list' }));
    expect(listed).toMatchObject({
      mine: [],
      askedOfMe: [{ requesterName: '李*英', relationship: 'child', status: 'pending' }],
    });
  });
});

describe('family: a child under 14', () => {
  it('is bound at once by the parent the household register shows, confirmed by the guardian', async () => {
    const answer = dataOf(await bind('o-li', cast.son, 'child'));
    expect(answer).toMatchObject({
      consent: null,
      existing: false,
      binding: { status: 'confirmed', confirmedBy: 'guardian', name: '张小明' },
    });
  });

  it('cannot be bound by someone outside the household', async () => {
    expect(errorOf(await bind('o-stranger', cast.son, 'child')).code).toBe('NOT_GUARDIAN');
    expect(errorOf(await bind('o-grandma', cast.son, 'grandchild')).code).toBe('NOT_GUARDIAN');
  });

  it('cannot be bound by a sibling in the same household', async () => {
    expect(errorOf(await bind('o-daughter', cast.son, 'sibling')).code).toBe('NOT_GUARDIAN');
  });
});

describe('family: refusals', () => {
  it('refuses a relationship the household register contradicts', async () => {
    const refusal = errorOf(await bind('o-zhang', cast.li, 'sibling'));
    expect(refusal).toEqual({
      code: 'RELATIONSHIP_MISMATCH',
      message: '户口簿登记显示对方是您的配偶，与您选择的“兄弟姐妹”不一致，请重新选择。',
    });
    expect(errorOf(await bind('o-daughter', cast.son, 'child')).code).toBe('RELATIONSHIP_MISMATCH');
  });

  it('refuses a relationship the birth dates make impossible', async () => {
    expect(errorOf(await bind('o-li', cast.grandma, 'child')).code).toBe('RELATIONSHIP_MISMATCH');
    expect(errorOf(await bind('o-stranger', cast.grandma, 'grandchild')).code).toBe('RELATIONSHIP_MISMATCH');
  });

  it('refuses binding yourself', async () => {
    expect(errorOf(await bind('o-li', cast.li, 'spouse')).code).toBe('CANNOT_BIND_SELF');
  });

  it('refuses a name that does not match the ID number, saying no more than that', async () => {
    const refusal = errorOf(await world.call(family, 'o-li', { ...bindEvent(cast.daughter, 'child'), name: '张莉' }));
    expect(refusal.code).toBe('IDENTITY_NOT_MATCHED');
  });

  it('refuses a caller who has not said who they are', async () => {
    await world.storage.users.put({
      openid: 'o-new',
      residentId: null,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
    });
    expect(errorOf(await bind('o-new', cast.daughter, 'child')).code).toBe('NOT_IDENTIFIED');
  });

  it('refuses a confirmation that carries neither a code nor a share card', async () => {
    expect(errorOf(await world.call(family, 'o-daughter', { action: 'confirm' })).code).toBe('INVALID_INPUT');
  });

  it('refuses anyone who is not signed in', async () => {
    expect(errorOf(await world.call(family, null, { action: 'list' })).code).toBe('UNAUTHENTICATED');
  });
});

describe('family: unbinding', () => {
  it('lets the owner unbind, and a second unbind changes nothing', async () => {
    const { binding } = dataOf(await bind('o-li', cast.son, 'child')) as { binding: { bindingId: string } };
    expect(dataOf(await world.call(family, 'o-li', { action: 'unbind', bindingId: binding.bindingId }))).toMatchObject({
      status: 'revoked',
    });
    const before = world.snapshot();
    dataOf(await world.call(family, 'o-li', { action: 'unbind', bindingId: binding.bindingId }));
    expect(world.snapshot()).toEqual(before);
  });

  it('lets the relative withdraw consent, after which the owner sees the binding revoked', async () => {
    const { binding, consent } = dataOf(await bind('o-li', cast.daughter, 'child')) as {
      binding: { bindingId: string };
      consent: { code: string };
    };
    dataOf(await world.call(family, 'o-daughter', { action: 'confirm', code: consent.code }));
    dataOf(await world.call(family, 'o-daughter', { action: 'unbind', bindingId: binding.bindingId }));
    expect(dataOf(await world.call(family, 'o-li', { action: 'list' }))).toMatchObject({
      mine: [{ status: 'revoked', name: '张*' }],
    });
  });

  it('lets a revoked relative be asked again, which needs their consent again', async () => {
    const { binding, consent } = dataOf(await bind('o-li', cast.daughter, 'child')) as {
      binding: { bindingId: string };
      consent: { code: string };
    };
    dataOf(await world.call(family, 'o-daughter', { action: 'confirm', code: consent.code }));
    dataOf(await world.call(family, 'o-li', { action: 'unbind', bindingId: binding.bindingId }));
    const again = dataOf(await bind('o-li', cast.daughter, 'child'));
    expect(again).toMatchObject({ existing: true, binding: { bindingId: binding.bindingId, status: 'pending' } });
  });
});
