import { accessTrailSql } from './access-trail.query.js';
/** Reads pages of the access trail. */
export class AccessTrailReader {
    constructor(database) {
        this.database = database;
    }
    /** Throws InvertedTimeRangeError when `to` does not come after `from`. */
    async page(query) {
        const { sql, params, rowLimit } = accessTrailSql(query);
        const records = await this.database.query(sql, params);
        const entries = records.slice(0, rowLimit - 1).map(entryOf);
        const more = records.length === rowLimit;
        return { entries, next: more ? (entries.at(-1)?.position ?? null) : null };
    }
}
function entryOf(record) {
    return {
        position: record.position,
        recordedAt: new Date(record.recorded_at).toISOString(),
        actor: record.actor,
        action: record.action,
        stream: record.stream,
        eventType: record.event_type,
        resource: record.resource_type !== null && record.resource_id !== null ? { type: record.resource_type, id: record.resource_id } : null,
        reason: record.reason,
        correlationId: record.correlation_id,
    };
}
//# sourceMappingURL=access-trail.reader.js.map