import type { BindingRequestView, BindingView } from '../../../shared/contracts/family';
import { RELATIONSHIP_LABELS, type RelativeRelationship } from '../../../shared/contracts/people';

/** The choices of the bind form, in the order people usually look for them. */
export const RELATIONSHIP_OPTIONS: ReadonlyArray<{ value: RelativeRelationship; label: string }> = (
  Object.keys(RELATIONSHIP_LABELS).filter((key) => key !== 'self') as RelativeRelationship[]
).map((value) => ({ value, label: RELATIONSHIP_LABELS[value] }));

export function relationshipLabel(relationship: RelativeRelationship | 'self' | null): string {
  if (relationship === null) return '非绑定家人';
  return RELATIONSHIP_LABELS[relationship];
}

/** What the requester says I am to them, turned around: "张* asks to bind you as their 子女". */
export function requestRelationshipText(request: Pick<BindingRequestView, 'requesterName' | 'relationship'>): string {
  return `${request.requesterName}申请将您绑定为其${RELATIONSHIP_LABELS[request.relationship]}`;
}

/** One short status line for a relative I bound. */
export function bindingStatusText(binding: Pick<BindingView, 'status' | 'confirmedBy'>): string {
  switch (binding.status) {
    case 'confirmed':
      return binding.confirmedBy === 'guardian' ? '已绑定（监护人绑定）' : '已绑定（本人已同意）';
    case 'pending':
      return '等待家人确认';
    case 'expired':
      return '授权码已过期，可重新发起';
    case 'revoked':
      return '已解除';
  }
}

export function requestStatusText(status: BindingRequestView['status']): string {
  switch (status) {
    case 'confirmed':
      return '您已同意';
    case 'pending':
      return '等待您确认';
    case 'expired':
      return '已过期';
    case 'revoked':
      return '已撤回';
  }
}

/** Bindings worth showing: a revoked one is history the owner removed on purpose. */
export function visibleBindings<T extends Pick<BindingView, 'status'>>(mine: readonly T[]): T[] {
  return mine.filter((b) => b.status !== 'revoked');
}

/** Relatives I may pay for by reference and see in full: those who consented (or I bound as guardian). */
export function confirmedBindings<T extends Pick<BindingView, 'status'>>(mine: readonly T[]): T[] {
  return mine.filter((b) => b.status === 'confirmed');
}
