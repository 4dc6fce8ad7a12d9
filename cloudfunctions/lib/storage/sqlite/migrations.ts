/**
 * Schema migrations, numbered and applied in order, each in its own transaction, recorded in
 * `schema_migrations`. Never edit a migration that has shipped: add the next number.
 * Tables are STRICT (types enforced) and carry the port's unique constraints as real unique indexes.
 */
import type Database from 'better-sqlite3';

export type Migration = { version: number; name: string; sql: string };

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'reference registry, enrollments, family bindings, orders, payment notifications',
    sql: `
      CREATE TABLE households (
        id TEXT PRIMARY KEY,
        locality_code TEXT NOT NULL CHECK (length(locality_code) = 6),
        address TEXT NOT NULL,
        -- deferred: a household and its head are inserted in one transaction, in either order
        head_resident_id TEXT REFERENCES residents (id) DEFERRABLE INITIALLY DEFERRED,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE residents (
        id TEXT PRIMARY KEY,
        id_sealed TEXT NOT NULL,
        id_lookup_key TEXT NOT NULL,
        id_masked TEXT NOT NULL,
        name TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
        household_id TEXT REFERENCES households (id) DEFERRABLE INITIALLY DEFERRED,
        relation_to_head TEXT CHECK (relation_to_head IN ('self', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other')),
        bases TEXT NOT NULL CHECK (json_valid(bases) AND json_type(bases) = 'array'),
        locality_code TEXT NOT NULL CHECK (length(locality_code) = 6),
        student_status TEXT CHECK (student_status IN ('new', 'enrolled')),
        student_level TEXT CHECK (student_level IN ('university', 'school')),
        in_employee_insurance INTEGER NOT NULL CHECK (in_employee_insurance IN (0, 1)),
        employee_insurance_ended_on TEXT,
        employee_insurance_years REAL CHECK (employee_insurance_years >= 0),
        created_at TEXT NOT NULL,
        CHECK ((student_status IS NULL) = (student_level IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX residents_id_lookup_key ON residents (id_lookup_key);
      CREATE INDEX residents_household ON residents (household_id, birth_date);

      CREATE TABLE subsidy_certifications (
        resident_id TEXT NOT NULL REFERENCES residents (id),
        policy_id TEXT NOT NULL,
        category_id TEXT NOT NULL,
        certified_on TEXT NOT NULL,
        authority TEXT NOT NULL,
        PRIMARY KEY (resident_id, policy_id, category_id)
      ) STRICT;

      CREATE TABLE enrollments (
        resident_id TEXT NOT NULL REFERENCES residents (id),
        coverage_year INTEGER NOT NULL,
        policy_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('registered', 'paid')),
        registered_on TEXT NOT NULL,
        registered_by TEXT NOT NULL,
        paid_on TEXT,
        coverage_start TEXT,
        coverage_end TEXT NOT NULL,
        order_no TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (resident_id, coverage_year)
      ) STRICT;
      CREATE INDEX enrollments_order_no ON enrollments (order_no) WHERE order_no IS NOT NULL;

      CREATE TABLE users (
        openid TEXT PRIMARY KEY,
        resident_id TEXT REFERENCES residents (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX users_resident_id ON users (resident_id) WHERE resident_id IS NOT NULL;

      CREATE TABLE family_bindings (
        id TEXT PRIMARY KEY,
        owner_openid TEXT NOT NULL,
        resident_id TEXT NOT NULL REFERENCES residents (id),
        relationship TEXT NOT NULL CHECK (relationship IN ('self', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other')),
        status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'revoked')),
        consent_code_hash TEXT,
        consent_expires_at TEXT,
        confirmed_by TEXT CHECK (confirmed_by IN ('relative', 'guardian')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX family_bindings_owner_resident ON family_bindings (owner_openid, resident_id);
      CREATE INDEX family_bindings_resident ON family_bindings (resident_id);
      CREATE INDEX family_bindings_pending_code ON family_bindings (consent_code_hash) WHERE status = 'pending';

      CREATE TABLE orders (
        order_no TEXT PRIMARY KEY,
        payer_openid TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('wechat', 'employee-account')),
        state TEXT NOT NULL CHECK (state IN ('pending', 'paid', 'failed', 'expired', 'refunded')),
        total_fen INTEGER NOT NULL CHECK (total_fen >= 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        paid_at TEXT,
        transaction_id TEXT,
        failure_reason TEXT
      ) STRICT;
      CREATE UNIQUE INDEX orders_payer_idempotency_key ON orders (payer_openid, idempotency_key);
      CREATE INDEX orders_payer_created ON orders (payer_openid, created_at);
      CREATE INDEX orders_pending_expiry ON orders (expires_at) WHERE state = 'pending';

      CREATE TABLE order_items (
        order_no TEXT NOT NULL REFERENCES orders (order_no) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        resident_id TEXT NOT NULL REFERENCES residents (id),
        policy_id TEXT NOT NULL,
        coverage_year INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        PRIMARY KEY (order_no, position)
      ) STRICT;
      CREATE INDEX order_items_resident ON order_items (resident_id);

      CREATE TABLE payment_notifications (
        transaction_id TEXT PRIMARY KEY,
        order_no TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('paid', 'failed', 'refunded')),
        received_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'family bindings count wrong consent codes',
    sql: `ALTER TABLE family_bindings ADD COLUMN consent_attempts INTEGER NOT NULL DEFAULT 0 CHECK (consent_attempts >= 0);`,
  },
];

/** Applies the migrations the file lacks; a file from a newer build is refused rather than misread. */
export function migrate(db: Database.Database, all: readonly Migration[] = migrations): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  ) STRICT`);
  const applied = new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version),
  );
  const newest = Math.max(0, ...all.map((m) => m.version));
  const unknown = [...applied].filter((version) => version > newest);
  if (unknown.length > 0) {
    throw new Error(`数据库来自更新的版本（迁移 ${unknown.join(', ')}），当前程序无法使用，请升级程序`);
  }
  const isApplied = db.prepare<[number], { version: number }>(
    'SELECT version FROM schema_migrations WHERE version = ?',
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
  const ran: number[] = [];
  for (const migration of [...all].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    // Checked again under the write lock: another process may have migrated since we looked.
    const didRun = db
      .transaction(() => {
        if (isApplied.get(migration.version)) return false;
        db.exec(migration.sql);
        record.run(migration.version, migration.name);
        return true;
      })
      .immediate();
    if (didRun) ran.push(migration.version);
  }
  return ran;
}
