/**
 * What the analytics service answers to an access trail query, and the gateway passes through
 * unchanged as the JSON of `GET /v1/audit/access`. Fields are only ever added.
 */

/**
 * What an entry of the trail records: `write`, any event a service appended (a report, a case
 * step, a focal point...); `read-personal-data`, a cleared reader shown personal data in clear;
 * `erase-personal-data`, the erasure of a case's personal data.
 */
export const ACCESS_TRAIL_ACTIONS = ['write', 'read-personal-data', 'erase-personal-data'] as const;
export type AccessTrailAction = (typeof ACCESS_TRAIL_ACTIONS)[number];

/** What was written, read or erased: a category (`case`, `incident`, ...) and the id within it. */
export interface AccessTrailResource {
  readonly type: string;
  readonly id: string;
}

/** One event of the log, seen as an access. */
export interface AccessTrailEntry {
  /** The event's position in the log: entries are in this order, and `after` pages by it. */
  readonly position: number;
  /** When Bluehelm recorded the event: an ISO date-time in UTC with milliseconds. */
  readonly recordedAt: string;
  /** The verified token subject (or system name) that caused it; `unknown` when the event names none. */
  readonly actor: string;
  readonly action: AccessTrailAction;
  /** The stream the event belongs to, such as `case-<uuid>` or `access-<uuid>`. */
  readonly stream: string;
  readonly eventType: string;
  /**
   * A read or an erasure names its resource; a write's resource comes from its stream name
   * `<category>-<uuid>`, and is null for a stream not named that way.
   */
  readonly resource: AccessTrailResource | null;
  /** The reason the reader or the eraser gave; null for writes and for reads that gave none. */
  readonly reason: string | null;
  /** The correlation id of the request that caused the event, for following it across services. */
  readonly correlationId: string | null;
}

/** One page of the trail, in position order. */
export interface AccessTrailPage {
  readonly entries: readonly AccessTrailEntry[];
  /** The `after` of the next page, null when this page is the last. */
  readonly next: number | null;
}
