/**
 * An in-memory stand-in for the slice of CloudBase's document database the adapter uses (sdk.ts),
 * so the contract suite can exercise the adapter's own logic — document ids, guard documents,
 * read-check-write inside transactions — without the network. It mimics the documented behaviour:
 * results as `{ data }`, single-document reads returning an array outside a transaction and the
 * document or null inside one, snapshot-isolated transactions that abort with
 * DATABASE_TRANSACTION_CONFLICT when a document they write was written by someone else since they
 * began (write-write conflicts only, as MongoDB-style engines detect), and runTransaction retrying them.
 * It is a model of the vendor's service, not of our storage: it says nothing about production
 * latency or index behaviour.
 */
import type {
  CloudbaseDb,
  CollectionRef,
  DocRef,
  QueryRef,
  TransactionRef,
} from '../../cloudfunctions/lib/storage/cloudbase/sdk';

type Doc = Record<string, unknown>;
/** `doc: null` is a deletion, kept so a transaction can tell it happened after its snapshot. */
type Stored = { doc: Doc | null; version: number };
type Condition = { $in: unknown[] } | { $lte: unknown };

const clone = <T>(value: T): T => structuredClone(value);

function isCondition(value: unknown): value is Condition {
  return typeof value === 'object' && value !== null && ('$in' in value || '$lte' in value);
}

function matches(doc: Doc, query: Record<string, unknown>): boolean {
  return Object.entries(query).every(([field, expected]) => {
    const actual = doc[field];
    if (isCondition(expected)) {
      if ('$in' in expected) return expected.$in.includes(actual);
      return typeof actual === 'string' && typeof expected.$lte === 'string' && actual <= expected.$lte;
    }
    return actual === expected;
  });
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

class Conflict extends Error {
  readonly code = 'DATABASE_TRANSACTION_CONFLICT';
}

export class FakeCloudbaseDb implements CloudbaseDb {
  private readonly collections = new Map<string, Map<string, Stored>>();
  private clock = 0;

  readonly command = {
    in: (values: unknown[]): Condition => ({ $in: values }),
    lte: (value: unknown): Condition => ({ $lte: value }),
  };

  private table(name: string): Map<string, Stored> {
    let table = this.collections.get(name);
    if (!table) {
      table = new Map();
      this.collections.set(name, table);
    }
    return table;
  }

  private withId(id: string, stored: Stored | undefined): Doc | null {
    return stored?.doc ? { _id: id, ...clone(stored.doc) } : null;
  }

  collection(name: string): CollectionRef {
    const query = (where: Record<string, unknown>, order: [string, 'asc' | 'desc'][], limit: number): QueryRef => ({
      where: (next) => query({ ...where, ...(next as Record<string, unknown>) }, order, limit),
      orderBy: (field, direction) => query(where, [...order, [field, direction]], limit),
      limit: (n) => query(where, order, n),
      get: async () => {
        const docs = [...this.table(name).entries()]
          .map(([id, stored]) => this.withId(id, stored))
          .filter((doc): doc is Doc => doc !== null && matches(doc, where))
          .sort((a, b) => {
            for (const [field, direction] of order) {
              const c = compare(a[field], b[field]);
              if (c !== 0) return direction === 'asc' ? c : -c;
            }
            return 0;
          });
        return { data: docs.slice(0, limit) };
      },
    });
    return {
      ...query({}, [], 100),
      doc: (id): DocRef => ({
        get: async () => {
          const doc = this.withId(id, this.table(name).get(id));
          return { data: doc ? [doc] : [] };
        },
        set: async (data) => {
          this.table(name).set(id, { doc: clone(data as Doc), version: ++this.clock });
          return { updated: 1 };
        },
        remove: async () => {
          const existed = this.table(name).get(id)?.doc != null;
          this.table(name).set(id, { doc: null, version: ++this.clock });
          return { deleted: existed ? 1 : 0 };
        },
      }),
    };
  }

  async runTransaction(callback: (transaction: TransactionRef) => Promise<unknown>, times = 3): Promise<unknown> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.attempt(callback);
      } catch (error) {
        if (!(error instanceof Conflict) || attempt >= times) throw error;
      }
    }
  }

  /** Reads see the store as it was when the transaction began, plus its own writes. */
  private async attempt(callback: (transaction: TransactionRef) => Promise<unknown>): Promise<unknown> {
    const began = this.clock;
    const snapshot = new Map([...this.collections].map(([name, table]) => [name, new Map(table)]));
    const writes = new Map<string, { name: string; id: string; doc: Doc | null }>();
    const transaction: TransactionRef = {
      collection: (name) => ({
        doc: (id) => ({
          get: async () => {
            const pending = writes.get(`${name}/${id}`);
            if (pending) return { data: pending.doc ? { _id: id, ...clone(pending.doc) } : null };
            return { data: this.withId(id, snapshot.get(name)?.get(id)) };
          },
          set: async (data) => {
            writes.set(`${name}/${id}`, { name, id, doc: clone(data as Doc) });
            return { updated: 1 };
          },
          remove: async () => {
            writes.set(`${name}/${id}`, { name, id, doc: null });
            return { deleted: 1 };
          },
        }),
      }),
    };
    const result = await callback(transaction);
    for (const { name, id } of writes.values()) {
      if ((this.table(name).get(id)?.version ?? 0) > began) throw new Conflict('write conflict');
    }
    for (const { name, id, doc } of writes.values()) this.table(name).set(id, { doc, version: ++this.clock });
    return result;
  }
}
