import type { Pool } from 'pg';
import type { StreamMetadata } from '../../port/stream-metadata.js';
import { firstReadableRevision, oldestReadableCreatedAt } from '../../semantics/stream-visibility.js';
import type { PostgresSchemaNames } from './postgres-connection.options.js';
import { SCAVENGE_SETTING } from './postgres-schema.migration.js';
import { inTransaction } from './postgres-transaction.js';

interface ScavengeCandidateRow {
  readonly stream_name: string;
  readonly last_revision: number;
  readonly deleted_before: number;
  readonly tombstoned: boolean;
  readonly metadata: StreamMetadata | null;
  readonly db_now: Date;
}

/**
 * Physically removes the events no stream read can give any more: below a soft delete or
 * truncateBefore, beyond maxCount, older than maxAge, or in a tombstoned stream. Until then such
 * events stay in readAll, as in EventStoreDB. The streams concerned are share-locked for the
 * duration, so that their metadata cannot change between the decision and the delete.
 */
export async function scavengeHiddenEvents(pool: Pool, names: PostgresSchemaNames): Promise<number> {
  return inTransaction(pool, async (client) => {
    const candidates = await client.query<ScavengeCandidateRow>(
      `SELECT s.stream_name, s.last_revision, s.deleted_before, s.tombstoned, m.metadata, now() AS db_now
         FROM ${names.streams} s LEFT JOIN ${names.streamMetadata} m USING (stream_name)
        WHERE s.tombstoned OR s.deleted_before > 0 OR m.metadata IS NOT NULL
          FOR SHARE OF s`,
    );
    const hidden = candidates.rows
      .map((row) => {
        const head = { lastRevision: row.last_revision, deletedBefore: row.deleted_before, tombstoned: row.tombstoned };
        const metadata = row.metadata ?? undefined;
        return {
          streamName: row.stream_name,
          belowRevision: row.tombstoned ? row.last_revision + 1 : firstReadableRevision(head, metadata),
          createdBefore: row.tombstoned ? null : (oldestReadableCreatedAt(metadata, row.db_now) ?? null),
        };
      })
      .filter((stream) => stream.belowRevision > 0 || stream.createdBefore !== null);
    if (hidden.length === 0) return 0;
    await client.query(`SET LOCAL ${SCAVENGE_SETTING} = 'on'`);
    const removed = await client.query(
      `DELETE FROM ${names.events} e
        USING unnest($1::text[], $2::bigint[], $3::timestamptz[]) AS hidden(stream_name, below_revision, created_before)
        WHERE e.stream_name = hidden.stream_name
          AND (e.revision < hidden.below_revision OR e.created_at < hidden.created_before)`,
      [
        hidden.map((stream) => stream.streamName),
        hidden.map((stream) => stream.belowRevision),
        hidden.map((stream) => stream.createdBefore),
      ],
    );
    return removed.rowCount ?? 0;
  });
}
