import type { AccessTrailAction, AccessTrailEntry, AccessTrailPage, AccessTrailQuery } from '@bluehelm/contracts';
import type { ReadModelDatabase } from '../read-model/read-model-database.js';
import { accessTrailSql } from './access-trail.query.js';
import { streamOfStored } from './access-trail.stream.js';

interface AccessTrailRecord {
  readonly position: number;
  readonly recorded_at: number;
  readonly actor: string;
  readonly action: AccessTrailAction;
  readonly stream: string | null;
  readonly event_type: string;
  readonly resource_type: string | null;
  readonly resource_id: string | null;
  readonly reason: string | null;
  readonly correlation_id: string | null;
}

/** Reads pages of the access trail. */
export class AccessTrailReader {
  constructor(private readonly database: ReadModelDatabase) {}

  /** Throws InvertedTimeRangeError when `to` does not come after `from`. */
  async page(query: Partial<AccessTrailQuery>): Promise<AccessTrailPage> {
    const { sql, params, rowLimit } = accessTrailSql(query);
    const records = await this.database.query<AccessTrailRecord>(sql, params);
    const entries = records.slice(0, rowLimit - 1).map(entryOf);
    const more = records.length === rowLimit;
    return { entries, next: more ? (entries.at(-1)?.position ?? null) : null };
  }
}

function entryOf(record: AccessTrailRecord): AccessTrailEntry {
  const resource = record.resource_type !== null && record.resource_id !== null ? { type: record.resource_type, id: record.resource_id } : null;
  return {
    position: record.position,
    recordedAt: new Date(record.recorded_at).toISOString(),
    actor: record.actor,
    action: record.action,
    stream: streamOfStored(record.position, record.stream, record.action, resource),
    eventType: record.event_type,
    resource,
    reason: record.reason,
    correlationId: record.correlation_id,
  };
}
