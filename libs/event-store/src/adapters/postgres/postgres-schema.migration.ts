import { escapeLiteral, type Pool } from 'pg';
import type { PostgresSchemaNames } from './postgres-connection.options.js';
import { inTransaction } from './postgres-transaction.js';

/** The transaction-local setting that lets the scavenger, and nothing else, delete events. */
export const SCAVENGE_SETTING = 'bluehelm.scavenge';

/**
 * The schema, one version after another. A version, once released, is never edited: a change
 * is a new entry, so that every database reaches the same shape whatever version it started at.
 */
function migrations(names: PostgresSchemaNames): readonly string[] {
  const { events, streams, streamMetadata, checkpoints, logHead, appendFunction, quotedSchema } = names;
  return [
    `
    -- The last position handed out. Its row lock is the one point every append passes through,
    -- held until commit: see ${appendFunction}.
    CREATE TABLE ${logHead} (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      last_position bigint NOT NULL
    );
    INSERT INTO ${logHead} (last_position) VALUES (-1);

    CREATE TABLE ${streams} (
      stream_name text PRIMARY KEY,
      last_revision bigint NOT NULL DEFAULT -1,
      deleted_before bigint NOT NULL DEFAULT 0,
      tombstoned boolean NOT NULL DEFAULT false
    );

    -- data and metadata are json, not jsonb: the text is kept exactly as written, which is what
    -- the per-stream hash chain was computed over.
    CREATE TABLE ${events} (
      position bigint PRIMARY KEY,
      stream_name text NOT NULL,
      revision bigint NOT NULL,
      id uuid NOT NULL,
      type text NOT NULL,
      data json NOT NULL,
      metadata json NOT NULL,
      created_at timestamptz NOT NULL,
      CONSTRAINT events_id_unique UNIQUE (id),
      CONSTRAINT events_stream_revision_unique UNIQUE (stream_name, revision)
    );

    CREATE TABLE ${streamMetadata} (
      stream_name text PRIMARY KEY,
      metadata json NOT NULL,
      metadata_revision bigint NOT NULL
    );

    CREATE TABLE ${checkpoints} (
      subscriber_name text PRIMARY KEY,
      position bigint NOT NULL,
      saved_at timestamptz NOT NULL DEFAULT now()
    );

    -- The log is append-only for every client, not only for this adapter. The scavenger alone
    -- may delete, inside a transaction that sets ${SCAVENGE_SETTING}; this guards against
    -- mistakes, not against a table owner who disables the trigger (the hash chain covers that).
    CREATE FUNCTION ${quotedSchema}.refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'DELETE' AND current_setting(${escapeLiteral(SCAVENGE_SETTING)}, true) = 'on' THEN
        RETURN NULL;
      END IF;
      RAISE EXCEPTION 'events are append-only: % refused on %.%', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
    END
    $fn$;
    CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${events}
      FOR EACH STATEMENT EXECUTE FUNCTION ${quotedSchema}.refuse_event_change();

    -- One append, in the caller's single-statement transaction. The caller has already decided,
    -- with the shared rules, that the append is valid for the stream head it passes (or for any
    -- head when p_check_head is false); this function writes only if that head is still the real
    -- one, and answers 'stale' otherwise so that the caller reads the head and decides again.
    --
    -- Why readers never skip an event: positions come from the log_head row, whose lock is
    -- taken just before the insert and held until commit. The next writer gets its positions
    -- only after this transaction has committed and become visible, so commit order is position
    -- order and a reader that sees position p also sees every position below p. The lock covers
    -- only the writes and the commit; the stream lock and the checks come before it. (Recording
    -- pg_current_xact_id() and reading below the snapshot's xmin would let commits overlap, but
    -- then readers must follow transaction order, and positions would no longer rise in it.)
    CREATE FUNCTION ${appendFunction}(
      p_stream text,
      p_check_head boolean,
      p_seen_last_revision bigint,
      p_seen_deleted_before bigint,
      p_events json
    ) RETURNS TABLE (outcome text, stream_revision bigint, log_position bigint)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      head ${streams}%ROWTYPE;
      event_count bigint := json_array_length(p_events);
      first_position bigint;
      committed_at timestamptz;
    BEGIN
      SELECT * INTO head FROM ${streams} s WHERE s.stream_name = p_stream FOR UPDATE;
      IF NOT FOUND THEN
        INSERT INTO ${streams} (stream_name) VALUES (p_stream) ON CONFLICT DO NOTHING;
        SELECT * INTO head FROM ${streams} s WHERE s.stream_name = p_stream FOR UPDATE;
      END IF;
      IF head.tombstoned THEN
        RETURN QUERY SELECT 'tombstoned'::text, head.last_revision, NULL::bigint;
        RETURN;
      END IF;
      IF p_check_head AND (head.last_revision <> p_seen_last_revision
                           OR head.deleted_before <> p_seen_deleted_before) THEN
        RETURN QUERY SELECT 'stale'::text, head.last_revision, NULL::bigint;
        RETURN;
      END IF;

      UPDATE ${logHead} h SET last_position = h.last_position + event_count
        RETURNING h.last_position - event_count + 1 INTO first_position;
      committed_at := clock_timestamp();
      INSERT INTO ${events} (position, stream_name, revision, id, type, data, metadata, created_at)
        SELECT first_position + e.n - 1, p_stream, head.last_revision + e.n,
               (e.doc ->> 'id')::uuid, e.doc ->> 'type', e.doc -> 'data', e.doc -> 'metadata', committed_at
          FROM json_array_elements(p_events) WITH ORDINALITY AS e(doc, n);
      UPDATE ${streams} s SET last_revision = head.last_revision + event_count WHERE s.stream_name = p_stream;
      PERFORM pg_notify(${escapeLiteral(names.appendChannel)}, '');
      RETURN QUERY SELECT 'appended'::text, head.last_revision + event_count, first_position + event_count - 1;
    END
    $fn$;
    `,
  ];
}

/**
 * Brings the schema to the latest version. Safe when several processes connect at once: each
 * waits for a transaction-scoped advisory lock named after the schema, then applies only the
 * versions still missing, all in one transaction.
 */
export async function migratePostgresSchema(pool: Pool, names: PostgresSchemaNames): Promise<void> {
  const versionTable = `${names.quotedSchema}.schema_migrations`;
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `bluehelm-event-store-migration:${names.schema}`,
    ]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${names.quotedSchema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${versionTable} (
         version integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const applied = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${versionTable}`);
    const all = migrations(names);
    for (let version = (applied.rows[0]?.version ?? 0) + 1; version <= all.length; version++) {
      await client.query(all[version - 1] as string);
      await client.query(`INSERT INTO ${versionTable} (version) VALUES ($1)`, [version]);
    }
  });
}
