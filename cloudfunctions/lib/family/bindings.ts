/**
 * 家人绑定: bind a relative (name + ID number + relationship), the relative's consent, list, unbind.
 * A relative aged 14+ confirms from their own WeChat with a one-time code; a child under 14 is bound
 * by the parent or grandparent the household register shows, and is confirmed at once.
 */
import { randomBytes } from 'node:crypto';
import { failure, success, type Envelope } from '../../../shared/contracts/envelope';
import type { FamilyInput, FamilyOutput } from '../../../shared/contracts/family';
import { ageOn } from '../../../shared/rules/civil-date';
import type { FunctionContext } from '../context';
import { maskName } from '../enrollment/display';
import { linkedResident, NOT_LINKED_MESSAGE, residentMatching } from '../enrollment/identity';
import { isStorageConflict } from '../storage/errors';
import type { FamilyBinding, Resident } from '../storage/records';
import {
  codeMatches,
  CONSENT_AGE,
  CONSENT_TTL_MS,
  consentCodeHash,
  consentExpired,
  MAX_CONSENT_ATTEMPTS,
  newConsentCode,
  readShareToken,
  shareTokenOf,
} from './consent';
import { checkClaimedRelationship, isGuardianPerRegistry, type RelativeRelationship } from './relationships';
import { bindingView, requestView } from './views';

export type FamilyDeps = Pick<FunctionContext, 'storage' | 'pii' | 'clock' | 'log'>;

type Out<A extends FamilyOutput['action']> = Extract<FamilyOutput, { action: A }>;

function newBindingId(): string {
  return `fb_${randomBytes(10).toString('hex')}`;
}

/** The caller must have proved who they are: consent and guardianship are checked against that person. */
async function caller(deps: FamilyDeps, openid: string): Promise<Envelope<Resident>> {
  const me = await linkedResident(deps.storage, openid);
  return me ? success(me) : failure('NOT_IDENTIFIED', NOT_LINKED_MESSAGE);
}

type BindRequest = Extract<FamilyInput, { action: 'bind' }>;

export async function bind(deps: FamilyDeps, openid: string, request: BindRequest): Promise<Envelope<Out<'bind'>>> {
  const me = await caller(deps, openid);
  if (!me.ok) return me;
  const today = deps.clock.today();
  const found = await residentMatching(deps.storage, deps.pii, request, today);
  if (!found.ok) return found;
  const relative = found.data;
  if (relative.id === me.data.id) {
    return failure('CANNOT_BIND_SELF', '不能把自己绑定为家人。为本人缴费或查询，请直接选择“本人”。');
  }
  const claimed = request.relationship;
  const check = checkClaimedRelationship(claimed, me.data, relative);
  if (!check.ok) return failure(check.code, check.message);

  const underAge = ageOn(relative.birthDate, today) < CONSENT_AGE;
  if (underAge) {
    if (!isGuardianPerRegistry(me.data, relative) || (claimed !== 'child' && claimed !== 'grandchild')) {
      return failure(
        'NOT_GUARDIAN',
        `${maskName(relative.name)}未满${CONSENT_AGE}周岁，只能由户口簿上同户的父母或（外）祖父母作为监护人绑定，关系请选择“子女”或“孙子女或外孙子女”。`,
      );
    }
    return bindAsGuardian(deps, openid, relative, claimed);
  }
  return askConsent(deps, openid, relative, claimed);
}

/** Runs `write` in a transaction; a concurrent identical bind loses the unique index and reruns to find the winner. */
async function settlingRace<T>(deps: FamilyDeps, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isStorageConflict(error, 'family_binding_pair')) throw error;
    return write();
  }
}

async function bindAsGuardian(
  deps: FamilyDeps,
  openid: string,
  child: Resident,
  relationship: RelativeRelationship,
): Promise<Envelope<Out<'bind'>>> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const result = await settlingRace(deps, () =>
    deps.storage.transaction(async (tx) => {
      const existing = await tx.familyBindings.findByOwnerAndResident(openid, child.id);
      if (existing?.status === 'confirmed') return { binding: existing, existing: true };
      const confirmed = {
        relationship,
        status: 'confirmed' as const,
        confirmedBy: 'guardian' as const,
        consentCodeHash: null,
        consentExpiresAt: null,
        consentAttempts: 0,
        updatedAt: at,
      };
      if (existing) {
        const updated = await tx.familyBindings.update(existing.id, existing.status, confirmed);
        if (!updated) throw new Error(`binding ${existing.id} changed inside a transaction`);
        return { binding: updated, existing: true };
      }
      const binding: FamilyBinding = {
        id: newBindingId(),
        ownerOpenid: openid,
        residentId: child.id,
        createdAt: at,
        ...confirmed,
      };
      await tx.familyBindings.insert(binding);
      return { binding, existing: false };
    }),
  );
  return success({
    action: 'bind',
    binding: bindingView(result.binding, child, now),
    existing: result.existing,
    consent: null,
    message: result.existing
      ? '已绑定过这个孩子，无需重复绑定。'
      : `孩子未满${CONSENT_AGE}周岁，您作为户口簿上的监护人已绑定成功，可以为孩子缴费和查询待遇。`,
  });
}

async function askConsent(
  deps: FamilyDeps,
  openid: string,
  relative: Resident,
  relationship: RelativeRelationship,
): Promise<Envelope<Out<'bind'>>> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const code = newConsentCode();
  const expiresAt = new Date(now.getTime() + CONSENT_TTL_MS).toISOString();
  const result = await settlingRace(deps, () =>
    deps.storage.transaction(async (tx) => {
      const existing = await tx.familyBindings.findByOwnerAndResident(openid, relative.id);
      if (existing?.status === 'confirmed') return { binding: existing, existing: true, issued: false };
      const id = existing?.id ?? newBindingId();
      const pending = {
        relationship,
        status: 'pending' as const,
        confirmedBy: null,
        consentCodeHash: consentCodeHash(deps.pii, id, code),
        consentExpiresAt: expiresAt,
        consentAttempts: 0,
        updatedAt: at,
      };
      if (existing) {
        // Asked again (code lost, expired, or a revoked binding revived): a fresh code replaces the old one.
        const updated = await tx.familyBindings.update(existing.id, existing.status, pending);
        if (!updated) throw new Error(`binding ${existing.id} changed inside a transaction`);
        return { binding: updated, existing: true, issued: true };
      }
      const binding: FamilyBinding = { id, ownerOpenid: openid, residentId: relative.id, createdAt: at, ...pending };
      await tx.familyBindings.insert(binding);
      return { binding, existing: false, issued: true };
    }),
  );
  if (!result.issued) {
    return success({
      action: 'bind',
      binding: bindingView(result.binding, relative, now),
      existing: true,
      consent: null,
      message: '这位家人已同意绑定，无需重复绑定。',
    });
  }
  const name = maskName(relative.name);
  return success({
    action: 'bind',
    binding: bindingView(result.binding, relative, now),
    existing: result.existing,
    consent: { code, shareToken: shareTokenOf(result.binding.id, code), expiresAt },
    message: `${result.existing ? '已重新生成授权码，之前的授权码已作废。' : ''}请把授权码告诉${name}，或把分享卡片发给TA。${name}用自己的微信打开本小程序，在“家人授权”中输入授权码即可同意绑定，24小时内有效。`,
  });
}

type ConfirmRequest = Extract<FamilyInput, { action: 'confirm' }>;

const NOT_FOR_YOU = '这条绑定请求不是发给您的，或已失效。请确认是用本人微信打开，或让家人重新发起。';

export async function confirm(
  deps: FamilyDeps,
  openid: string,
  request: ConfirmRequest,
): Promise<Envelope<Out<'confirm'>>> {
  if ((request.code === undefined) === (request.token === undefined)) {
    return failure('INVALID_INPUT', '请填写家人告诉您的6位授权码，或从家人分享的卡片进入。');
  }
  const me = await caller(deps, openid);
  if (!me.ok) return me;
  const fromToken = request.token === undefined ? null : readShareToken(request.token);
  const code = fromToken?.code ?? request.code ?? '';
  const candidateIds = fromToken
    ? [fromToken.bindingId]
    : (await deps.storage.familyBindings.listByResident(me.data.id))
        .filter((b) => b.status === 'pending')
        .map((b) => b.id);
  if (candidateIds.length === 0) return failure('NO_PENDING_REQUEST', '目前没有等待您确认的家人绑定请求。');

  const now = deps.clock.now();
  const at = now.toISOString();
  const outcome = await deps.storage.transaction(async (tx) => {
    const pending: FamilyBinding[] = [];
    for (const id of candidateIds) {
      const binding = await tx.familyBindings.get(id);
      if (binding?.residentId !== me.data.id) continue;
      // The share card opened again after consenting: the same answer, nothing to do.
      if (fromToken && binding.status === 'confirmed') return success(binding);
      if (binding.status === 'pending') pending.push(binding);
    }
    if (pending.length === 0) return failure('NOT_YOUR_REQUEST', NOT_FOR_YOU);
    const open = pending.filter((b) => !consentExpired(b, now));
    if (open.length === 0) return failure('CONSENT_EXPIRED', '授权码已过期，请让家人重新发起绑定。');

    const match = open.find((b) => codeMatches(deps.pii, b, code));
    if (match) {
      const confirmed = await tx.familyBindings.update(match.id, 'pending', {
        status: 'confirmed',
        confirmedBy: 'relative',
        consentCodeHash: null,
        consentExpiresAt: null,
        consentAttempts: 0,
        updatedAt: at,
      });
      if (!confirmed) throw new Error(`binding ${match.id} changed inside a transaction`);
      return success(confirmed);
    }
    // A wrong code counts against every request it could have been meant for.
    let left = MAX_CONSENT_ATTEMPTS;
    for (const binding of open) {
      const attempts = binding.consentAttempts + 1;
      const voided = attempts >= MAX_CONSENT_ATTEMPTS;
      await tx.familyBindings.update(binding.id, 'pending', {
        consentAttempts: attempts,
        ...(voided ? { status: 'revoked' as const, consentCodeHash: null, consentExpiresAt: null } : {}),
        updatedAt: at,
      });
      left = Math.min(left, MAX_CONSENT_ATTEMPTS - attempts);
    }
    if (left <= 0) return failure('CONSENT_VOIDED', '授权码错误次数过多，这次绑定请求已作废，请让家人重新发起绑定。');
    return failure('WRONG_CODE', `授权码不正确，还可以再试${left}次。`);
  });
  if (!outcome.ok) {
    deps.log.info('family_confirm_refused', { code: outcome.error.code });
    return outcome;
  }
  const requester = await linkedResident(deps.storage, outcome.data.ownerOpenid);
  return success({
    action: 'confirm',
    request: requestView(outcome.data, requester, now),
    message: `已同意绑定。${requester ? maskName(requester.name) : '对方'}现在可以查看您的参保缴费和待遇情况；您可以随时在“家人授权”中解除。`,
  });
}

export async function list(deps: FamilyDeps, openid: string): Promise<Envelope<Out<'list'>>> {
  const now = deps.clock.now();
  const mine = await deps.storage.familyBindings.listByOwner(openid);
  const relatives = new Map(
    (await deps.storage.residents.getMany(mine.map((b) => b.residentId))).map((r) => [r.id, r]),
  );
  const me = await linkedResident(deps.storage, openid);
  const askedOfMe = me
    ? (await deps.storage.familyBindings.listByResident(me.id)).filter((b) => b.status !== 'revoked')
    : [];
  const requests = [];
  for (const binding of askedOfMe) {
    requests.push(requestView(binding, await linkedResident(deps.storage, binding.ownerOpenid), now));
  }
  return success({
    action: 'list',
    mine: mine.flatMap((binding) => {
      const relative = relatives.get(binding.residentId);
      return relative ? [bindingView(binding, relative, now)] : [];
    }),
    askedOfMe: requests,
  });
}

/** The owner removes a relative, or the relative withdraws consent (PIPL Art. 15); nobody else may. */
export async function unbind(deps: FamilyDeps, openid: string, bindingId: string): Promise<Envelope<Out<'unbind'>>> {
  const binding = await deps.storage.familyBindings.get(bindingId);
  const me = await linkedResident(deps.storage, openid);
  const isOwner = binding?.ownerOpenid === openid;
  const isRelative = binding !== null && me !== null && binding.residentId === me.id;
  if (!binding || (!isOwner && !isRelative)) return failure('BINDING_NOT_FOUND', '没有找到这条家人绑定。');
  const message = isOwner ? '已解除绑定。' : '已撤回授权，对方不能再查看您的参保信息。';
  if (binding.status === 'revoked') return success({ action: 'unbind', bindingId, status: 'revoked', message });
  const revoked = await deps.storage.familyBindings.update(binding.id, binding.status, {
    status: 'revoked',
    consentCodeHash: null,
    consentExpiresAt: null,
    updatedAt: deps.clock.now().toISOString(),
  });
  if (!revoked) {
    const current = await deps.storage.familyBindings.get(binding.id);
    if (current?.status !== 'revoked') return failure('TRY_AGAIN', '绑定状态刚刚发生变化，请刷新后再试。');
  }
  deps.log.info('family_unbound', { by: isOwner ? 'owner' : 'relative' });
  return success({ action: 'unbind', bindingId, status: 'revoked', message });
}
