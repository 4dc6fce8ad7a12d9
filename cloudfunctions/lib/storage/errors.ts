/** Errors every storage adapter throws alike, so the use cases can react without knowing the database. */

/** The unique constraints of the port, one name per rule. */
export type UniqueConstraint =
  | 'resident'
  | 'resident_id_lookup'
  | 'household'
  | 'subsidy_certification'
  | 'enrollment'
  | 'user_resident'
  | 'family_binding'
  | 'family_binding_pair'
  | 'order'
  | 'order_idempotency';

/** A write would break a unique constraint; nothing was written. */
export class StorageConflict extends Error {
  override readonly name = 'StorageConflict';

  constructor(readonly constraint: UniqueConstraint) {
    super(`unique constraint violated: ${constraint}`);
  }
}

export function isStorageConflict(error: unknown, constraint?: UniqueConstraint): error is StorageConflict {
  return error instanceof StorageConflict && (constraint === undefined || error.constraint === constraint);
}

/** The storage was used in a way the port forbids (outer storage inside a transaction, tx after it ended, after close). */
export class StorageMisuse extends Error {
  override readonly name = 'StorageMisuse';
}
