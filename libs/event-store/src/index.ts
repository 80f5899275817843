export * from './errors.js';
export * from './event-store.factory.js';
export type * from './port/event-store.port.js';
export type * from './port/expected-revision.js';
export type * from './port/stream-metadata.js';
export { streamCategory, type EventMetadata, type EventToAppend, type RecordedEvent } from './port/recorded-event.js';
export { MemoryEventStore } from './adapters/memory/memory-event-store.js';
/** BEGIN ... COMMIT on one pooled pg connection, for other PostgreSQL stores of the project (the key vault). */
export { inTransaction as inPostgresTransaction } from './adapters/postgres/postgres-transaction.js';
