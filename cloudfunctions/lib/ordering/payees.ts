/**
 * Who an order is for: me ('self'), a relative I bound (by binding id), or anyone by name + ID number.
 * What the payer may see of each depends on consent: themselves and relatives who confirmed a binding
 * in full; anyone else only what is due.
 */
import type { PersonIn } from '../../../shared/contracts/pay';
import { maskName } from '../enrollment/display';
import { linkedResident, NOT_LINKED_MESSAGE, residentMatching } from '../enrollment/identity';
import { hasConsent } from '../family/consent';
import type { Storage } from '../storage/port';
import type { FamilyBinding, Relationship, Resident } from '../storage/records';
import type { OrderingDeps } from './deps';

export type Payee = {
  resident: Resident;
  /** 'self', the relationship of my binding to them, or null for someone I did not bind. */
  relationship: Relationship | null;
  /** My binding to them (pending or confirmed), if any. */
  binding: FamilyBinding | null;
  /** Self, or a relative who confirmed: the payer may see their details. */
  consented: boolean;
  coverageYear: number | undefined;
};

/** One person's reason an order cannot go ahead. */
export type Problem = { code: string; who: string; reason: string };

export function displayName(resident: Resident, consented: boolean): string {
  return consented ? resident.name : maskName(resident.name);
}

export function whoIs(payee: Pick<Payee, 'resident' | 'consented'>): string {
  return `${displayName(payee.resident, payee.consented)}（${payee.resident.idMasked}）`;
}

/** The payer's view of people: who they are, and whom they bound. */
export type PayerCircle = {
  me: Resident | null;
  bindingsById: Map<string, FamilyBinding>;
  bindingsByResident: Map<string, FamilyBinding>;
};

export async function payerCircle(storage: Storage, payer: string): Promise<PayerCircle> {
  const live = (await storage.familyBindings.listByOwner(payer)).filter((b) => b.status !== 'revoked');
  return {
    me: await linkedResident(storage, payer),
    bindingsById: new Map(live.map((b) => [b.id, b])),
    bindingsByResident: new Map(live.map((b) => [b.residentId, b])),
  };
}

/** How the payer relates to a resident, and whether they may see the resident's details. */
export function standingWith(
  circle: PayerCircle,
  resident: Resident,
): Pick<Payee, 'relationship' | 'binding' | 'consented'> {
  if (circle.me?.id === resident.id) return { relationship: 'self', binding: null, consented: true };
  const binding = circle.bindingsByResident.get(resident.id) ?? null;
  return { relationship: binding?.relationship ?? null, binding, consented: hasConsent(binding) };
}

export async function resolvePayees(
  deps: OrderingDeps,
  payer: string,
  people: readonly PersonIn[],
): Promise<{ payees: Payee[]; problems: Problem[] }> {
  const circle = await payerCircle(deps.storage, payer);
  const payees: Payee[] = [];
  const problems: Problem[] = [];
  for (const [index, person] of people.entries()) {
    const nth = `第${index + 1}位`;
    let resident: Resident | null = null;
    if ('residentRef' in person) {
      if (person.residentRef === 'self') {
        resident = circle.me;
        if (!resident) problems.push({ code: 'NOT_IDENTIFIED', who: `${nth}（本人）`, reason: NOT_LINKED_MESSAGE });
      } else {
        const binding = circle.bindingsById.get(person.residentRef);
        resident = binding ? await deps.storage.residents.get(binding.residentId) : null;
        if (!resident) {
          problems.push({ code: 'PERSON_NOT_FOUND', who: nth, reason: '没有找到这位已绑定的家人，请刷新后重新选择。' });
        }
      }
    } else {
      const match = await residentMatching(deps.storage, deps.pii, person, deps.clock.today());
      if (match.ok) resident = match.data;
      else
        problems.push({
          code: match.error.code,
          who: `${nth}（${maskName(person.name)}）`,
          reason: match.error.message,
        });
    }
    if (!resident) continue;
    const payee: Payee = { resident, ...standingWith(circle, resident), coverageYear: person.coverageYear };
    if (payees.some((p) => p.resident.id === resident.id)) {
      problems.push({ code: 'DUPLICATE_PERSON', who: whoIs(payee), reason: '在本次缴费中重复出现，请只保留一次。' });
      continue;
    }
    payees.push(payee);
  }
  return { payees, problems };
}
