import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * How long a writer waits for another process holding the write lock before giving up with
 * SQLITE_BUSY. Services share one file, so a short wait is normal under load.
 */
const BUSY_TIMEOUT_MS = 15_000;

/**
 * The schema, one entry per `PRAGMA user_version`: entry n migrates version n to n + 1.
 * Append new entries; never edit one that has shipped.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE events (
    position    INTEGER PRIMARY KEY AUTOINCREMENT, -- AUTOINCREMENT: a scavenged position is never reused
    stream_name TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    id          TEXT    NOT NULL UNIQUE,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    UNIQUE (stream_name, revision)
  );
  CREATE TABLE streams (
    name           TEXT    PRIMARY KEY,
    last_revision  INTEGER NOT NULL,
    deleted_before INTEGER NOT NULL DEFAULT 0,
    tombstoned     INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  CREATE TABLE stream_metadata (
    stream_name       TEXT    PRIMARY KEY,
    metadata_revision INTEGER NOT NULL,
    metadata          TEXT    NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE checkpoints (
    name     TEXT    PRIMARY KEY,
    position INTEGER NOT NULL
  ) WITHOUT ROWID;
  -- Holds a row only inside scavenge's own transaction: the one way events may be deleted.
  CREATE TABLE scavenge_permit (granted_at TEXT NOT NULL);
  CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
  BEGIN
    SELECT RAISE(ABORT, 'events are append-only: an event is never updated');
  END;
  -- INSERT OR REPLACE would delete the stored row without firing the delete trigger
  -- (recursive_triggers is off by default), so an insert that collides is refused first.
  CREATE TRIGGER events_are_never_replaced BEFORE INSERT ON events
  WHEN EXISTS (SELECT 1 FROM events WHERE position = NEW.position)
    OR EXISTS (SELECT 1 FROM events WHERE id = NEW.id)
    OR EXISTS (SELECT 1 FROM events WHERE stream_name = NEW.stream_name AND revision = NEW.revision)
  BEGIN
    SELECT RAISE(ABORT, 'events are append-only: an insert may not replace a stored event');
  END;
  CREATE TRIGGER events_are_deleted_only_by_scavenge BEFORE DELETE ON events
  WHEN NOT EXISTS (SELECT 1 FROM scavenge_permit)
  BEGIN
    SELECT RAISE(ABORT, 'events are append-only: only a scavenge may remove events hidden from reads');
  END;
  `,
];

export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

/** The file was written by a newer release whose schema this code does not know. */
export class SqliteSchemaTooNewError extends Error {
  override readonly name = 'SqliteSchemaTooNewError';
  constructor(path: string, found: number) {
    super(
      `event store file ${path} has schema version ${found}; this release knows up to ${SQLITE_SCHEMA_VERSION}`,
    );
  }
}

/**
 * Opens (creating it and its folders if needed) the event store file with the settings every
 * connection must use: WAL so readers never block the writer, synchronous=FULL so a commit
 * survives a power loss as far as SQLite can promise, and a busy timeout so processes sharing
 * the file wait for each other instead of failing.
 */
export function openEventStoreDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    applyConnectionSettings(db);
    migrate(db, path);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function applyConnectionSettings(db: Database.Database): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
}

function migrate(db: Database.Database, path: string): void {
  const userVersion = () => db.pragma('user_version', { simple: true }) as number;
  if (userVersion() === SQLITE_SCHEMA_VERSION) return;
  // IMMEDIATE, and the version read again inside: processes opening a new file at the same
  // time must not both create the tables.
  db.transaction(() => {
    const found = userVersion();
    if (found > SQLITE_SCHEMA_VERSION) throw new SqliteSchemaTooNewError(path, found);
    for (const migration of MIGRATIONS.slice(found)) db.exec(migration);
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
  }).immediate();
}
