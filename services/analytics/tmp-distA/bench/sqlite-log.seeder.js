import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { createEventStore } from '@bluehelm/event-store';
/**
 * Fills a new sqlite event store with a large log in one transaction, the way a restore would:
 * the store creates its own schema first, then the rows go straight into its `events` and
 * `streams` tables. Appending hundreds of thousands of streams one durable commit at a time
 * would take minutes, and append speed is the event-store benchmark's subject, not this one's.
 * Answers the number of events written.
 */
export async function seedSqliteLog(file, events) {
    await (await createEventStore(`sqlite:${file}`)).close();
    const db = new Database(file);
    try {
        const insertEvent = db.prepare('INSERT INTO events (stream_name, revision, id, type, data, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
        const insertStream = db.prepare('INSERT INTO streams (name, last_revision) VALUES (?, ?)');
        return db
            .transaction(() => {
            const revisions = new Map();
            let count = 0;
            for (const event of events) {
                const revision = (revisions.get(event.streamName) ?? -1) + 1;
                revisions.set(event.streamName, revision);
                const createdAt = String(event.metadata['recordedAt']);
                insertEvent.run(event.streamName, revision, randomUUID(), event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), createdAt);
                count += 1;
            }
            for (const [name, lastRevision] of revisions)
                insertStream.run(name, lastRevision);
            return count;
        })
            .immediate();
    }
    finally {
        db.close();
    }
}
//# sourceMappingURL=sqlite-log.seeder.js.map