/** How a stored record changes, the same for every adapter: they differ only in how they read and write it. */
import type { OrderTransition } from './port';
import type { Order } from './records';

/** A patch without its undefined keys, so `{ paidOn: undefined }` leaves paidOn alone. */
export function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The order after `change`, or null when it is not in one of the states the change may start from. */
export function transitioned(current: Order, change: OrderTransition): Order | null {
  if (!change.from.includes(current.state)) return null;
  return {
    ...current,
    ...defined({ paidAt: change.paidAt, transactionId: change.transactionId, failureReason: change.failureReason }),
    state: change.to,
    updatedAt: change.at,
  };
}
