import type { GeneratedEvent } from './case-history.generator.js';
/**
 * Fills a new sqlite event store with a large log in one transaction, the way a restore would:
 * the store creates its own schema first, then the rows go straight into its `events` and
 * `streams` tables. Appending hundreds of thousands of streams one durable commit at a time
 * would take minutes, and append speed is the event-store benchmark's subject, not this one's.
 * Answers the number of events written.
 */
export declare function seedSqliteLog(file: string, events: Iterable<GeneratedEvent>): Promise<number>;
//# sourceMappingURL=sqlite-log.seeder.d.ts.map