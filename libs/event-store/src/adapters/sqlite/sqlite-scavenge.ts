import type Database from 'better-sqlite3';
import type { StreamMetadata } from '../../port/stream-metadata.js';
import { firstReadableRevision, oldestReadableCreatedAt } from '../../semantics/stream-visibility.js';

interface ScavengeCandidate {
  name: string;
  last_revision: number;
  deleted_before: number;
  tombstoned: number;
  metadata: string | null;
}

/**
 * Physically removes the events no stream read can give any more: below a soft delete, a
 * `truncateBefore` or a `maxCount`, older than a `maxAge` at `now`, or in a tombstoned stream.
 * The delete trigger lets it through only while the permit row, inserted and removed inside this
 * same transaction, exists; no other connection ever sees the permit.
 * Answers how many events were removed.
 */
export function scavengeHiddenEvents(db: Database.Database, now: Date): number {
  const candidates = db.prepare<[], ScavengeCandidate>(
    `SELECT s.name, s.last_revision, s.deleted_before, s.tombstoned, m.metadata
     FROM streams s LEFT JOIN stream_metadata m ON m.stream_name = s.name
     WHERE s.deleted_before > 0 OR s.tombstoned <> 0 OR m.metadata IS NOT NULL`,
  );
  const removeStream = db.prepare<[string]>('DELETE FROM events WHERE stream_name = ?');
  const removeHidden = db.prepare<[string, number, string]>(
    'DELETE FROM events WHERE stream_name = ? AND (revision < ? OR created_at < ?)',
  );
  const grantPermit = db.prepare<[string]>('INSERT INTO scavenge_permit (granted_at) VALUES (?)');
  const withdrawPermit = db.prepare('DELETE FROM scavenge_permit');

  return db
    .transaction(() => {
      grantPermit.run(now.toISOString());
      let removed = 0;
      for (const stream of candidates.all()) {
        if (stream.tombstoned !== 0) {
          removed += removeStream.run(stream.name).changes;
          continue;
        }
        const metadata = stream.metadata === null ? undefined : (JSON.parse(stream.metadata) as StreamMetadata);
        const head = { lastRevision: stream.last_revision, deletedBefore: stream.deleted_before, tombstoned: false };
        const floor = firstReadableRevision(head, metadata);
        // '' sorts before every ISO instant: no event is too old when there is no maxAge.
        const oldest = oldestReadableCreatedAt(metadata, now) ?? '';
        removed += removeHidden.run(stream.name, floor, oldest).changes;
      }
      withdrawPermit.run();
      return removed;
    })
    .immediate();
}
