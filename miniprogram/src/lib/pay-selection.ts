import type { PersonIn } from '../../../shared/contracts/pay';

/** Someone the payer has not bound, entered by name + ID number; `key` only tells the rows apart. */
export type OtherPayee = { key: string; name: string; idNumber: string };

/** Whom the payer chose on the 代缴 page: themselves, confirmed relatives, and anyone by name + ID. */
export type PaySelection = {
  self: boolean;
  bindingIds: readonly string[];
  others: readonly OtherPayee[];
};

export const emptySelection: PaySelection = { self: false, bindingIds: [], others: [] };

export function toggleSelf(selection: PaySelection): PaySelection {
  return { ...selection, self: !selection.self };
}

export function toggleBinding(selection: PaySelection, bindingId: string): PaySelection {
  const chosen = selection.bindingIds.includes(bindingId);
  return {
    ...selection,
    bindingIds: chosen ? selection.bindingIds.filter((id) => id !== bindingId) : [...selection.bindingIds, bindingId],
  };
}

export function addOther(selection: PaySelection, other: OtherPayee): PaySelection {
  return { ...selection, others: [...selection.others, other] };
}

export function removeOther(selection: PaySelection, key: string): PaySelection {
  return { ...selection, others: selection.others.filter((o) => o.key !== key) };
}

export function selectionSize(selection: PaySelection): number {
  return (selection.self ? 1 : 0) + selection.bindingIds.length + selection.others.length;
}

/** The `people` of a `pay` request, in the order they appear on the page: me, relatives, others. */
export function peopleOf(selection: PaySelection): PersonIn[] {
  return [
    ...(selection.self ? [{ residentRef: 'self' as const }] : []),
    ...selection.bindingIds.map((residentRef) => ({ residentRef })),
    ...selection.others.map(({ name, idNumber }) => ({ name, idNumber })),
  ];
}
