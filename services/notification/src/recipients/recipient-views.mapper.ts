import type { FocalPointView, NotificationPage, SubscriptionView } from '@bluehelm/contracts';
import type { FocalPointEntry, SubscriptionEntry } from './recipient-directory.projection.js';

export function focalPointViewOf(entry: FocalPointEntry): FocalPointView {
  return {
    focalPointId: entry.focalPointId,
    mission: entry.mission,
    name: entry.name,
    email: entry.email,
    role: entry.role,
    registeredAt: entry.registeredAt,
    registeredBy: entry.registeredBy,
  };
}

export function subscriptionViewOf(entry: SubscriptionEntry): SubscriptionView {
  return {
    subscriptionId: entry.subscriptionId,
    channel: entry.channel,
    ...(entry.url === undefined ? {} : { url: entry.url }),
    ...(entry.email === undefined ? {} : { email: entry.email }),
    filters: entry.filters,
    ...(entry.description === undefined ? {} : { description: entry.description }),
    createdAt: entry.createdAt,
    createdBy: entry.createdBy,
  };
}

/** One page of items in a stable order: oldest first, then by id. */
export function pageOf<Entry, View>(
  entries: readonly Entry[],
  orderKey: (entry: Entry) => string,
  toView: (entry: Entry) => View,
  limit: number,
  offset: number,
): NotificationPage<View> {
  const ordered = [...entries].sort((a, b) => (orderKey(a) < orderKey(b) ? -1 : orderKey(a) > orderKey(b) ? 1 : 0));
  return { items: ordered.slice(offset, offset + limit).map(toView), total: ordered.length, limit, offset };
}
