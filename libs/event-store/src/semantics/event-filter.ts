import type { EventFilter } from '../port/event-store.port.js';

export function matchesFilter(
  event: { readonly streamName: string; readonly type: string },
  filter: EventFilter | undefined,
): boolean {
  if (!filter) return true;
  const { streamPrefixes, eventTypes } = filter;
  if (streamPrefixes?.length && !streamPrefixes.some((prefix) => event.streamName.startsWith(prefix))) {
    return false;
  }
  if (eventTypes?.length && !eventTypes.includes(event.type)) return false;
  return true;
}
