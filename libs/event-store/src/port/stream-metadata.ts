/** Stream metadata with EventStoreDB's reserved fields; anything else goes in `custom`. */
export interface StreamMetadata {
  /** Only the last `maxCount` events are readable. */
  readonly maxCount?: number;
  /** Events older than this many seconds are not readable. */
  readonly maxAge?: number;
  /** Events with a lower revision are not readable. */
  readonly truncateBefore?: number;
  readonly custom?: Readonly<Record<string, unknown>>;
}

export interface StreamMetadataResult {
  readonly metadata: StreamMetadata;
  /** The metadata's own revision (0 after the first write), independent of the stream's. */
  readonly metadataRevision: number;
}
