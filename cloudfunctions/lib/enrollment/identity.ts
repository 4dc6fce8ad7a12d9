/**
 * Who the caller is. The OPENID comes from the platform context; the person behind it is whoever the
 * caller proved to be once, by typing a name and ID number that match the registry (参保登记). From
 * then on the OPENID is linked to that resident, one resident per WeChat account and vice versa.
 */
import { failure, success, type Envelope } from '../../../shared/contracts/envelope';
import { parseIdNumber } from '../../../shared/id';
import { ageOn } from '../../../shared/rules/civil-date';
import type { Pii } from '../pii';
import { isStorageConflict } from '../storage/errors';
import type { Storage } from '../storage/port';
import type { Relationship, Resident } from '../storage/records';
import { hasConsent } from '../family/consent';

export const NOT_LINKED_MESSAGE = '请先在“参保登记”中填写本人姓名和身份证号码，确认身份后再办理。';

/**
 * One message whether the ID number is unknown or the name does not match: telling them apart would let
 * anyone probe which ID numbers are in the registry.
 */
const IDENTITY_NOT_MATCHED =
  '姓名与身份证号码和登记信息不一致，请核对后重试；如刚落户、改名或办理居住证，请到当地医保经办机构更新信息。';

/** The resident linked to this OPENID, or null. */
export async function linkedResident(storage: Storage, openid: string): Promise<Resident | null> {
  const user = await storage.users.get(openid);
  return user?.residentId ? storage.residents.get(user.residentId) : null;
}

export type IdentityClaim = { name: string; idNumber: string };

/** The resident with this name and ID number in the registry (the name compared exactly after trimming). */
export async function residentMatching(
  storage: Storage,
  pii: Pii,
  claim: IdentityClaim,
  today: string,
): Promise<Envelope<Resident>> {
  const parsed = parseIdNumber(claim.idNumber, today);
  if (!parsed.ok) return failure(parsed.code, parsed.message);
  const resident = await storage.residents.findByIdLookupKey(pii.idLookupKey(parsed.value.idNumber));
  if (!resident || resident.name !== claim.name.trim()) return failure('IDENTITY_NOT_MATCHED', IDENTITY_NOT_MATCHED);
  return success(resident);
}

const LINKED_ELSEWHERE = '这个身份证号码已由另一个微信账号登记为本人。如不是您本人操作，请到当地医保经办机构处理。';

/** Below this age a person's information is handled by their guardian (个人信息保护法 第三十一条). */
const SELF_SERVICE_MIN_AGE = 14;

/**
 * Links the caller's OPENID to the resident they proved to be (first call), or checks it is the same
 * resident as before. A WeChat account is one person: it cannot switch to someone else's identity, and it
 * cannot be a child's (a guardian acts for a child). The link stands even when what the caller came for is
 * then refused, so that, say, a parent in employee insurance can still pay for family or enroll a newborn.
 */
export async function linkCaller(
  storage: Storage,
  pii: Pii,
  openid: string,
  claim: IdentityClaim,
  today: string,
  now: Date,
): Promise<Envelope<Resident>> {
  const match = await residentMatching(storage, pii, claim, today);
  if (!match.ok) return match;
  const resident = match.data;
  if (ageOn(resident.birthDate, today) < SELF_SERVICE_MIN_AGE) {
    return failure(
      'GUARDIAN_REQUIRED',
      `未满${SELF_SERVICE_MIN_AGE}周岁的未成年人不能自行登记，请由父母或其他监护人通过“家人”或“新生儿参保”为其办理。`,
    );
  }

  const user = await storage.users.get(openid);
  if (user?.residentId) {
    if (user.residentId === resident.id) return success(resident);
    return failure(
      'ACCOUNT_IS_SOMEONE_ELSE',
      '这个微信账号已登记为另一位参保人本人，只能为本人办理参保登记。为家人参保请使用“家庭成员”或新生儿参保。',
    );
  }
  const holder = await storage.users.findByResidentId(resident.id);
  if (holder && holder.openid !== openid) return failure('IDENTITY_LINKED_ELSEWHERE', LINKED_ELSEWHERE);

  const at = now.toISOString();
  try {
    await storage.users.put({ openid, residentId: resident.id, createdAt: user?.createdAt ?? at, updatedAt: at });
  } catch (error) {
    // Another account claimed the same resident between our check and our write.
    if (isStorageConflict(error, 'user_resident')) return failure('IDENTITY_LINKED_ELSEWHERE', LINKED_ELSEWHERE);
    throw error;
  }
  return success(resident);
}

/** The caller's own resident, and the relatives who consented to their binding, with how each is related. */
export async function meAndConsentingRelatives(
  storage: Storage,
  openid: string,
): Promise<{ me: Resident | null; people: { resident: Resident; relationship: Relationship }[] }> {
  const me = await linkedResident(storage, openid);
  const bindings = (await storage.familyBindings.listByOwner(openid)).filter(
    (b) => hasConsent(b) && b.residentId !== me?.id,
  );
  const relatives = new Map((await storage.residents.getMany(bindings.map((b) => b.residentId))).map((r) => [r.id, r]));
  const people: { resident: Resident; relationship: Relationship }[] = me
    ? [{ resident: me, relationship: 'self' }]
    : [];
  for (const binding of bindings) {
    const resident = relatives.get(binding.residentId);
    if (resident) people.push({ resident, relationship: binding.relationship });
  }
  return { me, people };
}
