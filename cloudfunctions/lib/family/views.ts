/** How bindings appear to the owner and to the relative they point at. */
import type { BindingRequestView, BindingView } from '../../../shared/contracts/family';
import { maskName } from '../enrollment/display';
import type { FamilyBinding, Resident } from '../storage/records';
import { consentExpired, hasConsent } from './consent';
import type { RelativeRelationship } from './relationships';

function statusOf(binding: FamilyBinding, now: Date): BindingView['status'] {
  return binding.status === 'pending' && consentExpired(binding, now) ? 'expired' : binding.status;
}

/** Bindings never hold 'self' (family.bind refuses it); this narrows the stored type. */
function relativeRelationship(binding: FamilyBinding): RelativeRelationship {
  return binding.relationship === 'self' ? 'other' : binding.relationship;
}

/** The owner's view: the relative's full name only once they consented. */
export function bindingView(binding: FamilyBinding, relative: Resident, now: Date): BindingView {
  const pending = binding.status === 'pending';
  return {
    bindingId: binding.id,
    relationship: relativeRelationship(binding),
    status: statusOf(binding, now),
    confirmedBy: binding.confirmedBy,
    name: hasConsent(binding) ? relative.name : maskName(relative.name),
    idMasked: relative.idMasked,
    consentExpiresAt: pending ? binding.consentExpiresAt : null,
    createdAt: binding.createdAt,
  };
}

/** The relative's view of who asked: enough to recognise them, no more. */
export function requestView(binding: FamilyBinding, requester: Resident | null, now: Date): BindingRequestView {
  return {
    bindingId: binding.id,
    requesterName: requester ? maskName(requester.name) : '微信用户',
    requesterIdMasked: requester?.idMasked ?? null,
    relationship: relativeRelationship(binding),
    status: statusOf(binding, now),
    consentExpiresAt: binding.status === 'pending' ? binding.consentExpiresAt : null,
    createdAt: binding.createdAt,
  };
}
