/**
 * The slice of @cloudbase/node-sdk's database this adapter uses, typed by us: the SDK types its
 * results as `any`, so everything read back is parsed (records.ts) before it reaches a use case.
 * `app.database()` is checked against this shape where the production runtime builds the storage.
 */
export interface DocRef {
  get(): Promise<unknown>;
  /** Replaces the whole document, creating it when missing (upsert). */
  set(data: object): Promise<unknown>;
  remove(): Promise<unknown>;
}

export interface QueryRef {
  where(query: object): QueryRef;
  orderBy(field: string, direction: 'asc' | 'desc'): QueryRef;
  limit(limit: number): QueryRef;
  get(): Promise<unknown>;
}

export interface CollectionRef extends QueryRef {
  doc(id: string): DocRef;
}

/** Inside a transaction only single-document operations exist (no where / orderBy / aggregate). */
export interface TransactionRef {
  collection(name: string): { doc(id: string): DocRef };
}

export interface CloudbaseDb {
  collection(name: string): CollectionRef;
  /** Commits when the callback resolves; retries it on a write conflict (`times`), rolls back when it throws. */
  runTransaction(callback: (transaction: TransactionRef) => Promise<unknown>, times?: number): Promise<unknown>;
  command: {
    in(values: unknown[]): unknown;
    lte(value: unknown): unknown;
  };
}

/** An error the database reported, as `{ code, message }` in the result or thrown. */
export class CloudbaseDbError extends Error {
  override readonly name = 'CloudbaseDbError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The result's `data`, or a CloudbaseDbError when the SDK returned an error instead of throwing it. */
export function dataOf(result: unknown): unknown {
  if (!isRecord(result)) throw new CloudbaseDbError('UNEXPECTED_RESULT', '数据库返回了无法识别的结果');
  if (typeof result.code === 'string' && result.code !== '') {
    throw new CloudbaseDbError(result.code, typeof result.message === 'string' ? result.message : result.code);
  }
  return result.data;
}

/**
 * A single-document read: outside a transaction `data` is an array, inside one it is the document or
 * null. Either way: the document, or null.
 */
export function documentOf(result: unknown): unknown {
  const data = dataOf(result);
  if (Array.isArray(data)) return data[0] ?? null;
  return data ?? null;
}

export function documentsOf(result: unknown): unknown[] {
  const data = dataOf(result);
  if (!Array.isArray(data)) throw new CloudbaseDbError('UNEXPECTED_RESULT', '查询结果应为数组');
  return data;
}

/** Throws when a write returned an error result instead of throwing it. */
export function assertWritten(result: unknown): void {
  dataOf(isRecord(result) ? { ...result, data: null } : result);
}
