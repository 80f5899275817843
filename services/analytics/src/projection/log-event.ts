/**
 * An event of the log as the projections read it: a RecordedEvent of the event store has this
 * shape, and specs write it by hand.
 */
export interface LogEvent {
  readonly id: string;
  readonly streamName: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Position in the whole log: projections apply events in this order and remember the last. */
  readonly position: number;
  /** When the store committed it (ISO): stands in for `metadata.recordedAt` where that is missing. */
  readonly createdAt: string;
}

/** When the fact was recorded: the metadata's `recordedAt`, else the store's commit time. */
export function recordedAtOf(event: LogEvent): string {
  const recordedAt = event.metadata['recordedAt'];
  return typeof recordedAt === 'string' && !Number.isNaN(Date.parse(recordedAt)) ? recordedAt : event.createdAt;
}

/** recordedAtOf in milliseconds since 1970-01-01T00:00:00Z, parsed once: for a projection that reads every event. */
export function recordedAtMillisOf(event: LogEvent): number {
  const recordedAt = event.metadata['recordedAt'];
  const millis = typeof recordedAt === 'string' ? Date.parse(recordedAt) : Number.NaN;
  return Number.isNaN(millis) ? Date.parse(event.createdAt) : millis;
}
