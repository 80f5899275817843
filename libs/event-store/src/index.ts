export * from './errors.js';
export * from './event-store.factory.js';
export type * from './port/event-store.port.js';
export type * from './port/expected-revision.js';
export type * from './port/stream-metadata.js';
export { streamCategory, type EventMetadata, type EventToAppend, type RecordedEvent } from './port/recorded-event.js';
export { MemoryEventStore } from './adapters/memory/memory-event-store.js';
