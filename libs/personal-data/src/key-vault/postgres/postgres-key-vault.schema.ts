import type { Pool } from 'pg';
import type { PostgresKeyVaultNames } from './postgres-key-vault.settings.js';
import { inPostgresTransaction } from '@bluehelm/event-store';

/** One entry per version. A released version is never edited: a change is a new entry. */
function migrations({ keys, erasures, masterKeyCheck }: PostgresKeyVaultNames): readonly string[] {
  return [
    `
    CREATE TABLE ${erasures} (
      erasure_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      scope text NOT NULL,
      reason text NOT NULL,
      erased_by text NOT NULL,
      erased_at text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX personal_data_erasures_by_scope ON ${erasures} (scope, erasure_id);

    -- A row outlives its key material: once erased, wrapped_key is NULL and the row is the
    -- tombstone that lets keyOf answer 'erased' rather than 'unknown'.
    CREATE TABLE ${keys} (
      key_id text PRIMARY KEY,
      scope text NOT NULL,
      wrapped_key bytea,
      created_at timestamptz NOT NULL DEFAULT now(),
      erasure_id bigint REFERENCES ${erasures} (erasure_id),
      CHECK ((wrapped_key IS NULL) = (erasure_id IS NOT NULL))
    );
    -- At most one live key per scope: the constraint that makes concurrent creation settle on one key.
    CREATE UNIQUE INDEX personal_data_keys_one_active_per_scope
      ON ${keys} (scope) WHERE wrapped_key IS NOT NULL;

    CREATE TABLE ${masterKeyCheck} (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      wrapped_check bytea NOT NULL
    );
    `,
  ];
}

/**
 * Creates the schema and tables if missing. Processes connecting at once queue on an advisory
 * lock named after the schema, then each applies only the versions still missing.
 */
export async function migrateKeyVaultSchema(pool: Pool, names: PostgresKeyVaultNames): Promise<void> {
  await inPostgresTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `bluehelm-personal-data-migration:${names.schema}`,
    ]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${names.quotedSchema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${names.migrations} (
         version integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const applied = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${names.migrations}`);
    const all = migrations(names);
    for (let version = (applied.rows[0]?.version ?? 0) + 1; version <= all.length; version++) {
      await client.query(all[version - 1] as string);
      await client.query(`INSERT INTO ${names.migrations} (version) VALUES ($1)`, [version]);
    }
  });
}
