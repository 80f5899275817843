import type { SqlDatabase } from './sql-database.js';

/*
 * The tables of the notification service. Times are ISO 8601 text (`Date.toISOString()`, one
 * fixed width), so they compare correctly as text in both dialects. Statements only ever add
 * tables and columns, so running them at every start is safe.
 */
const TABLES = [
  // Integration events fully handled, so that a redelivered one is acknowledged untouched.
  `CREATE TABLE IF NOT EXISTS processed_events (
    event_id     TEXT PRIMARY KEY,
    processed_at TEXT NOT NULL
  )`,
  // What the rules need to know about a case that its later events do not say.
  `CREATE TABLE IF NOT EXISTS cases (
    case_id       TEXT PRIMARY KEY,
    mission       TEXT,
    host_state    TEXT,
    nationalities TEXT NOT NULL DEFAULT '[]',
    last_step_on  TEXT,
    closed_on     TEXT
  )`,
  `CREATE TABLE IF NOT EXISTS incidents (
    incident_id   TEXT PRIMARY KEY,
    nationalities TEXT NOT NULL
  )`,
  // Signing secrets stay here, out of the event log that auditors and analytics read.
  `CREATE TABLE IF NOT EXISTS subscription_secrets (
    subscription_id TEXT PRIMARY KEY,
    secret          TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS deliveries (
    delivery_id     TEXT PRIMARY KEY,
    event_id        TEXT NOT NULL,
    recipient_key   TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    kind            TEXT NOT NULL,
    channel         TEXT NOT NULL,
    address         TEXT NOT NULL,
    subscription_id TEXT,
    sources         TEXT NOT NULL,
    payload         TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempt_count   INTEGER NOT NULL DEFAULT 0,
    round_attempts  INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    lease_owner     TEXT,
    lease_until     TEXT,
    created_at      TEXT NOT NULL,
    delivered_at    TEXT,
    dead_at         TEXT,
    dead_reason     TEXT,
    UNIQUE (event_id, recipient_key)
  )`,
  'CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_attempt_at)',
  'CREATE INDEX IF NOT EXISTS deliveries_created ON deliveries (created_at)',
  `CREATE TABLE IF NOT EXISTS delivery_attempts (
    delivery_id   TEXT NOT NULL,
    number        INTEGER NOT NULL,
    started_at    TEXT NOT NULL,
    finished_at   TEXT,
    outcome       TEXT,
    status_code   INTEGER,
    smtp_response TEXT,
    error         TEXT,
    PRIMARY KEY (delivery_id, number)
  )`,
];

export async function migrateNotificationSchema(db: SqlDatabase): Promise<void> {
  for (const statement of TABLES) await db.execute(statement);
}
