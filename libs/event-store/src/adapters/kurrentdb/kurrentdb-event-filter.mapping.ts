import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';
import type { EventFilter } from '../../port/event-store.port.js';
import { matchesFilter } from '../../semantics/event-filter.js';

/** Checkpoints live in ordinary streams (category `bluehelm_checkpoint`), one per subscriber. */
export const CHECKPOINT_STREAM_PREFIX = 'bluehelm_checkpoint-';

export function checkpointStreamOf(subscriberName: string): string {
  return `${CHECKPOINT_STREAM_PREFIX}${subscriberName}`;
}

/**
 * The part of the port's filter the server can apply. KurrentDB filters on one field at a time,
 * so with both stream prefixes and event types it narrows by stream and the event types are
 * checked here (see isVisibleInLog). Without a filter it still drops system events.
 */
export function toServerFilter(filter: EventFilter | undefined): Filter {
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  if (filter?.eventTypes?.length) {
    return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  }
  return excludeSystemEvents();
}

/**
 * Whether an event of `$all` belongs in the port's log: never KurrentDB's own (`$` streams and
 * types: metadata, tombstones, projections' links) nor checkpoints, which the other adapters keep
 * outside the log and which would otherwise wake every unfiltered subscriber on each save.
 */
export function isVisibleInLog(
  event: { readonly streamName: string; readonly type: string },
  filter: EventFilter | undefined,
): boolean {
  return (
    !event.streamName.startsWith('$') &&
    !event.type.startsWith('$') &&
    !event.streamName.startsWith(CHECKPOINT_STREAM_PREFIX) &&
    matchesFilter(event, filter)
  );
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
