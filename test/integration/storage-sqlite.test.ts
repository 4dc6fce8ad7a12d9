import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../cloudfunctions/lib/storage/sqlite/migrations';
import { openSqliteStorage } from '../../cloudfunctions/lib/storage/sqlite';
import type { Storage } from '../../cloudfunctions/lib/storage/port';
import { aResident, describeStorageContract, type StorageHarness } from './storage-contract';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'storage-sqlite-'));
}

async function sqliteHarness(): Promise<StorageHarness> {
  const dir = tempDir();
  const file = join(dir, 'app.sqlite');
  let current: Storage = await openSqliteStorage({ file });
  return {
    storage: current,
    async reopen() {
      await current.close();
      current = await openSqliteStorage({ file });
      return current;
    },
    async dispose() {
      await current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeStorageContract('SQLite', sqliteHarness);

describe('SQLite adapter specifics', () => {
  it('keeps the database in WAL mode', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.sqlite');
    const storage = await openSqliteStorage({ file });
    await storage.close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies each migration once, however often the file is reopened', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.sqlite');
    for (let i = 0; i < 3; i += 1) await (await openSqliteStorage({ file })).close();
    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      expect(rows).toEqual(migrations.map((m) => ({ version: m.version })));
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('declares the unique indexes the port promises', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.sqlite');
    await (await openSqliteStorage({ file })).close();
    const db = new Database(file, { readonly: true });
    try {
      const uniqueColumns = (table: string): string[][] =>
        (db.prepare(`PRAGMA index_list(${table})`).all() as { name: string; unique: number }[])
          .filter((index) => index.unique === 1)
          .map((index) =>
            (db.prepare(`PRAGMA index_info(${index.name})`).all() as { name: string }[]).map((c) => c.name),
          );
      expect(uniqueColumns('orders')).toEqual(
        expect.arrayContaining([['order_no'], ['payer_openid', 'idempotency_key']]),
      );
      expect(uniqueColumns('enrollments')).toEqual(expect.arrayContaining([['resident_id', 'coverage_year']]));
      expect(uniqueColumns('residents')).toEqual(expect.arrayContaining([['id_lookup_key']]));
      expect(uniqueColumns('payment_notifications')).toEqual(expect.arrayContaining([['transaction_id']]));
      expect(uniqueColumns('users')).toEqual(expect.arrayContaining([['resident_id']]));
      expect(uniqueColumns('family_bindings')).toEqual(expect.arrayContaining([['owner_openid', 'resident_id']]));
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a database written by a newer build', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.sqlite');
    await (await openSqliteStorage({ file })).close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')").run();
    db.close();
    await expect(openSqliteStorage({ file })).rejects.toThrow('更新的版本');
    rmSync(dir, { recursive: true, force: true });
  });

  it('enforces references to the registry', async () => {
    const dir = tempDir();
    const storage = await openSqliteStorage({ file: join(dir, 'app.sqlite') });
    try {
      await expect(storage.residents.insert(aResident({ householdId: 'no-such-household' }))).rejects.toThrow(
        /FOREIGN KEY/,
      );
      expect(await storage.residents.get('r-1')).toBeNull();
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to work after it was closed', async () => {
    const dir = tempDir();
    const storage = await openSqliteStorage({ file: join(dir, 'app.sqlite') });
    await storage.close();
    await expect(storage.users.get('openid-a')).rejects.toThrow('存储已关闭');
    rmSync(dir, { recursive: true, force: true });
  });
});
