import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** Processes sharing the file wait this long for each other's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 15_000;

/**
 * The schema, one entry per version. Append new entries; never edit one that has shipped.
 * Versions are kept in a table of their own rather than in `PRAGMA user_version`, so that the
 * vault does not fight over that number with another schema sharing the file.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE personal_data_erasures (
    erasure_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    scope       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    erased_by   TEXT NOT NULL,
    erased_at   TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  );
  CREATE INDEX personal_data_erasures_by_scope ON personal_data_erasures (scope, erasure_id);

  -- A row outlives its key material: once erased, wrapped_key is NULL and the row is the
  -- tombstone that lets keyOf answer 'erased' rather than 'unknown'.
  CREATE TABLE personal_data_keys (
    key_id      TEXT PRIMARY KEY,
    scope       TEXT NOT NULL,
    wrapped_key BLOB,
    created_at  TEXT NOT NULL,
    erasure_id  INTEGER REFERENCES personal_data_erasures (erasure_id),
    CHECK ((wrapped_key IS NULL) = (erasure_id IS NOT NULL))
  );
  -- At most one live key per scope: the constraint that makes concurrent creation settle on one key.
  CREATE UNIQUE INDEX personal_data_keys_one_active_per_scope
    ON personal_data_keys (scope) WHERE wrapped_key IS NOT NULL;

  CREATE TABLE personal_data_master_key_check (
    singleton     INTEGER PRIMARY KEY CHECK (singleton = 1),
    wrapped_check BLOB NOT NULL
  );
  `,
];

/**
 * Opens (creating it and its folder if needed) the key vault file. WAL lets readers and the
 * writer proceed together; synchronous=FULL makes a new key durable before it seals anything;
 * secure_delete=ON makes SQLite overwrite the bytes of an erased key instead of only unlinking
 * them from the page.
 */
export function openKeyVaultDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database): void {
  // IMMEDIATE: processes opening a new file at the same time must not both create the tables.
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS personal_data_schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = db.prepare('SELECT max(version) AS version FROM personal_data_schema_migrations').get() as {
      version: number | null;
    };
    const record = db.prepare('INSERT INTO personal_data_schema_migrations (version, applied_at) VALUES (?, ?)');
    for (let version = (applied.version ?? 0) + 1; version <= MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version - 1] as string);
      record.run(version, new Date().toISOString());
    }
  }).immediate();
}
