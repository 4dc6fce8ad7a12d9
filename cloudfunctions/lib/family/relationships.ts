/**
 * Kinship as the household register (户口簿) states it, and what it lets us check about a relationship
 * a binder claims. The register records each member's relation to the head of the household, so it
 * knows a relation exactly when one of the two people is the head, and otherwise only the generation
 * gap between them (two children of the head are one generation, a grandchild one below).
 */
import { RELATIONSHIP_LABELS } from '../../../shared/contracts/people';
import type { Relationship, Resident } from '../storage/records';

export type RelativeRelationship = Exclude<Relationship, 'self'>;

/** 家庭共济 covers 近亲属 only: spouse, parents, children, siblings, grandparents, grandchildren. */
export const CLOSE_RELATIVES: ReadonlySet<Relationship> = new Set([
  'spouse',
  'parent',
  'child',
  'sibling',
  'grandparent',
  'grandchild',
]);

export function isCloseRelative(
  relationship: Relationship | null,
): relationship is Exclude<RelativeRelationship, 'other'> {
  return relationship !== null && CLOSE_RELATIVES.has(relationship);
}

/** Generations above (+) or below (−) the reference person; null where kinship says nothing. */
const GENERATION: Readonly<Record<Relationship, number | null>> = {
  self: 0,
  spouse: 0,
  sibling: 0,
  parent: 1,
  grandparent: 2,
  child: -1,
  grandchild: -2,
  other: null,
};

/** If B is my X, I am B's INVERSE[X]. */
const INVERSE: Readonly<Record<Relationship, Relationship | null>> = {
  self: 'self',
  spouse: 'spouse',
  child: 'parent',
  parent: 'child',
  grandparent: 'grandchild',
  grandchild: 'grandparent',
  sibling: 'sibling',
  other: null,
};

type Member = Pick<Resident, 'householdId' | 'relationToHead' | 'birthDate'>;

export type RegistryRelation = { exact: Relationship | null; generationGap: number | null };

/** What the register says `relative` is to `binder`: both must be in one household with known relations. */
export function registryRelation(binder: Member, relative: Member): RegistryRelation {
  const b = binder.relationToHead;
  const r = relative.relationToHead;
  if (binder.householdId === null || binder.householdId !== relative.householdId || b === null || r === null) {
    return { exact: null, generationGap: null };
  }
  const exact = b === 'self' ? r : r === 'self' ? INVERSE[b] : null;
  const gb = GENERATION[b];
  const gr = GENERATION[r];
  return { exact: exact === 'self' ? null : exact, generationGap: gb === null || gr === null ? null : gr - gb };
}

export type Check = { ok: true } | { ok: false; code: 'RELATIONSHIP_MISMATCH'; message: string };

function mismatch(message: string): Check {
  return { ok: false, code: 'RELATIONSHIP_MISMATCH', message };
}

/**
 * Refuses a claimed relationship the register contradicts, or that the birth dates make impossible
 * (a parent born after the binder). Where the register knows nothing, the claim stands.
 */
export function checkClaimedRelationship(claimed: RelativeRelationship, binder: Member, relative: Member): Check {
  const label = RELATIONSHIP_LABELS[claimed];
  const registry = registryRelation(binder, relative);
  if (registry.exact !== null && registry.exact !== claimed) {
    return mismatch(
      `户口簿登记显示对方是您的${RELATIONSHIP_LABELS[registry.exact]}，与您选择的“${label}”不一致，请重新选择。`,
    );
  }
  const claimedGap = GENERATION[claimed];
  if (
    registry.exact === null &&
    registry.generationGap !== null &&
    claimedGap !== null &&
    registry.generationGap !== claimedGap
  ) {
    return mismatch(`户口簿登记的家庭关系与您选择的“${label}”不一致，请核对后重新选择。`);
  }
  if (claimedGap !== null && claimedGap > 0 && relative.birthDate >= binder.birthDate) {
    return mismatch(`对方的出生日期不早于您，不会是您的${label}，请核对关系。`);
  }
  if (claimedGap !== null && claimedGap < 0 && relative.birthDate <= binder.birthDate) {
    return mismatch(`对方的出生日期不晚于您，不会是您的${label}，请核对关系。`);
  }
  return { ok: true };
}

/**
 * A child under 14 is bound by a guardian without the child's own confirmation: the register must show
 * the child in the binder's household one or two generations below (their child or grandchild).
 */
export function isGuardianPerRegistry(binder: Member, child: Member): boolean {
  const registry = registryRelation(binder, child);
  if (registry.exact !== null) return registry.exact === 'child' || registry.exact === 'grandchild';
  return registry.generationGap === -1 || registry.generationGap === -2;
}
