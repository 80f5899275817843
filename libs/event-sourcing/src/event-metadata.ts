/** What the event-sourcing kit writes into every event's metadata. */
export type DomainEventMetadata = {
  readonly correlationId: string;
  /** The id of the message that caused this event; the correlation id when nothing else did. */
  readonly causationId: string;
  /** Who asked for the change (the token's subject, or a system name). */
  readonly actor: string;
  /** When it happened in the world: an ISO 8601 date (`2024-03-05`) or date-time. */
  readonly occurredAt: string;
  /** When Bluehelm recorded it: an ISO 8601 date-time taken from the command context's clock. */
  readonly recordedAt: string;
  /** The version of the event's data shape, for upcasting on read. */
  readonly schemaVersion: number;
  /** The hash of the previous event in the same stream; null for the stream's first event. */
  readonly prevHash: string | null;
  /** SHA-256 (hex) over `prevHash` and the canonical JSON of the event without this field. */
  readonly hash: string;
};

/** Metadata before the event has its place in a stream's hash chain. */
export type UnchainedEventMetadata = Omit<DomainEventMetadata, 'prevHash' | 'hash'>;

/** Reads a stored event's metadata as Bluehelm metadata, or undefined when it is not. */
export function asDomainEventMetadata(metadata: Readonly<Record<string, unknown>>): DomainEventMetadata | undefined {
  const textFields = ['correlationId', 'causationId', 'actor', 'occurredAt', 'recordedAt', 'hash'] as const;
  const wellFormed =
    textFields.every((field) => typeof metadata[field] === 'string') &&
    typeof metadata['schemaVersion'] === 'number' &&
    (metadata['prevHash'] === null || typeof metadata['prevHash'] === 'string');
  return wellFormed ? (metadata as DomainEventMetadata) : undefined;
}
