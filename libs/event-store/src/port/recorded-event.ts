/** Free-form metadata of an event; the event-sourcing kit fills the Bluehelm fields. */
export type EventMetadata = Readonly<Record<string, unknown>>;

/** An event as a writer hands it to the store. `id` is a UUID and the idempotency key. */
export interface EventToAppend {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: EventMetadata;
}

/** An event as the store gives it back. */
export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly streamName: string;
  /** 0-based position of the event inside its stream. */
  readonly revision: number;
  /**
   * Position in the global log (`$all`): strictly increasing in commit order.
   * A JavaScript number: exact up to 2^53, far beyond any log this system will hold.
   */
  readonly position: number;
  /** When the store committed the event (ISO 8601). */
  readonly createdAt: string;
}

/** The category of a stream is the text before its first dash: `case-42` -> `case`. */
export function streamCategory(streamName: string): string {
  const dash = streamName.indexOf('-');
  return dash < 0 ? streamName : streamName.slice(0, dash);
}
