/**
 * The state a writer expects a stream to be in, with EventStoreDB's meaning:
 * - `any`: no check;
 * - `no-stream`: the stream has no events (never written, or soft-deleted);
 * - `stream-exists`: the stream has at least one readable event;
 * - a number: the revision of the stream's last event.
 */
export type ExpectedRevision = 'any' | 'no-stream' | 'stream-exists' | number;

/** What a stream actually is when an expectation is checked: its last revision, or no stream. */
export type ActualRevision = number | 'no-stream';
