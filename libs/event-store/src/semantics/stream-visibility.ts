import type { StreamMetadata } from '../port/stream-metadata.js';

/**
 * The state of a stream apart from its events: the last revision ever written (-1 if none),
 * and the revision below which a soft delete hides events.
 */
export interface StreamHead {
  readonly lastRevision: number;
  readonly deletedBefore: number;
  readonly tombstoned: boolean;
}

export const NEW_STREAM_HEAD: StreamHead = { lastRevision: -1, deletedBefore: 0, tombstoned: false };

/** What an expected revision is checked against: soft-deleted or never-written streams are `no-stream`. */
export function actualRevisionOf(head: StreamHead): number | 'no-stream' {
  return head.lastRevision < head.deletedBefore ? 'no-stream' : head.lastRevision;
}

/** The lowest revision a stream read may give, from the soft delete and the metadata. */
export function firstReadableRevision(head: StreamHead, metadata: StreamMetadata | undefined): number {
  const byCount =
    metadata?.maxCount === undefined ? 0 : head.lastRevision - metadata.maxCount + 1;
  return Math.max(head.deletedBefore, metadata?.truncateBefore ?? 0, byCount, 0);
}

/** Events created before this instant are hidden by `maxAge`; undefined when there is no limit. */
export function oldestReadableCreatedAt(
  metadata: StreamMetadata | undefined,
  now: Date,
): string | undefined {
  if (metadata?.maxAge === undefined) return undefined;
  return new Date(now.getTime() - metadata.maxAge * 1000).toISOString();
}
