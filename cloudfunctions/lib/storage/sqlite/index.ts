/**
 * The embedded storage: one SQLite file (better-sqlite3), used by the local cloud and every test.
 *
 * Durability: WAL with `synchronous=FULL`. A payment notification is acknowledged to the gateway only
 * after its transaction commits, and the gateway stops retrying once acknowledged, so a commit must
 * survive anything that can happen after it. With NORMAL, WAL commits survive a `kill -9` (the bytes
 * are already in the OS page cache) but not a power cut or kernel crash before the next checkpoint;
 * FULL fsyncs the WAL at every commit, which closes that gap for one fsync per write transaction —
 * cheap at this write rate.
 *
 * better-sqlite3 is synchronous; the port is async. Transactions span awaits, so the adapter runs one
 * transaction at a time over its connection and makes every other call wait until it ends — otherwise
 * another request's write would land inside (and roll back with) someone else's transaction.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StorageMisuse } from '../errors';
import type { Storage, TxStorage } from '../port';
import { assertOutsideTransaction, SerialLock, TransactionLifetime, withinTransaction } from '../scope';
import { migrate } from './migrations';
import { prepareStatements, sqliteRepositories, type Run, type Statements } from './repositories';

export const SQLITE_FILE_NAME = 'app.sqlite';

export type SqliteStorageOptions = {
  /** Path of the database file; created with its directory when missing. */
  file: string;
  /** How long a writer waits for another process's lock before failing (ms). */
  busyTimeoutMs?: number;
};

/** Opens (creating and migrating as needed) the SQLite storage at `file`. */
export async function openSqliteStorage(options: SqliteStorageOptions): Promise<Storage> {
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
  const db = new Database(options.file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStorage(db);
}

/** `DATA_DIR/app.sqlite` */
export function openSqliteStorageIn(dataDir: string): Promise<Storage> {
  return openSqliteStorage({ file: join(dataDir, SQLITE_FILE_NAME) });
}

class SqliteStorage implements Storage {
  private readonly lock = new SerialLock();
  private readonly sql: Statements;
  private closed = false;
  readonly residents: Storage['residents'];
  readonly households: Storage['households'];
  readonly subsidies: Storage['subsidies'];
  readonly enrollments: Storage['enrollments'];
  readonly users: Storage['users'];
  readonly familyBindings: Storage['familyBindings'];
  readonly orders: Storage['orders'];
  readonly paymentNotifications: Storage['paymentNotifications'];

  constructor(private readonly db: Database.Database) {
    this.sql = prepareStatements(db);
    const outside: Run = (work) => {
      assertOutsideTransaction(this);
      return this.lock.run(() => {
        this.assertOpen();
        return work();
      });
    };
    const repos = sqliteRepositories(db, this.sql, outside);
    this.residents = repos.residents;
    this.households = repos.households;
    this.subsidies = repos.subsidies;
    this.enrollments = repos.enrollments;
    this.users = repos.users;
    this.familyBindings = repos.familyBindings;
    this.orders = repos.orders;
    this.paymentNotifications = repos.paymentNotifications;
  }

  private assertOpen(): void {
    if (this.closed) throw new StorageMisuse('存储已关闭');
  }

  transaction<T>(fn: (tx: TxStorage) => Promise<T>): Promise<T> {
    assertOutsideTransaction(this);
    return this.lock.run(async () => {
      this.assertOpen();
      const lifetime = new TransactionLifetime();
      // The lock is already held by this transaction; its handle only checks that it has not ended.
      const inside: Run = async (work) => {
        lifetime.assertOpen();
        return work();
      };
      const tx = sqliteRepositories(this.db, this.sql, inside);
      // IMMEDIATE takes the write lock now, so a second process waits (busy_timeout) instead of failing mid-way.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await withinTransaction(this, () => fn(tx));
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      } finally {
        lifetime.end();
      }
    });
  }

  close(): Promise<void> {
    return this.lock.run(() => {
      if (this.closed) return;
      this.closed = true;
      this.db.close();
    });
  }
}
