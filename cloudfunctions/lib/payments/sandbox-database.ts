import Database from 'better-sqlite3';

export type SandboxDatabase = Database.Database;

/**
 * Opens a sandbox's own SQLite file and brings its schema up to date. Versions are kept per component,
 * so two sandboxes pointed at one file by mistake do not skip each other's migrations.
 */
export function openSandboxDatabase(path: string, component: string, migrations: readonly string[]): SandboxDatabase {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Another process (the local cloud, a test) may hold the write lock briefly.
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE IF NOT EXISTS sandbox_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL)');
  const readVersion = db.prepare<[string], { version: number }>(
    'SELECT version FROM sandbox_schema WHERE component = ?',
  );
  const writeVersion = db.prepare<[string, number]>(
    'INSERT INTO sandbox_schema (component, version) VALUES (?, ?) ON CONFLICT(component) DO UPDATE SET version = excluded.version',
  );
  db.transaction(() => {
    const current = readVersion.get(component)?.version ?? 0;
    migrations.slice(current).forEach((sql, index) => {
      db.exec(sql);
      writeVersion.run(component, current + index + 1);
    });
  }).immediate();
  return db;
}
