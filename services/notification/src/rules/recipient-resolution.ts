import type { NotificationChannel, NotificationSourceView } from '@bluehelm/contracts';
import type { RecipientDirectoryState } from '../recipients/recipient-directory.projection.js';
import type { SubscriptionFilters } from '../recipients/subscription.events.js';
import type { Notification, SubscriberFacts } from './notification.js';

/** One recipient of a notification: one delivery is made to it, whatever number of reasons it has. */
export interface Recipient {
  /** `email:<address in lower case>` or `webhook:<subscriptionId>`. */
  readonly key: string;
  readonly channel: NotificationChannel;
  /** The e-mail address or the webhook URL. */
  readonly address: string;
  /** The webhook subscription whose secret signs it. */
  readonly subscriptionId: string | null;
  readonly sources: readonly NotificationSourceView[];
}

function listed(filter: readonly string[], value: string | null): boolean {
  return filter.length === 0 || (value !== null && filter.includes(value));
}

/** Every non-empty filter list must match (AND); within a list any item may (OR). */
export function filtersMatch(filters: SubscriptionFilters, facts: SubscriberFacts): boolean {
  return (
    listed(filters.missions, facts.mission) &&
    listed(filters.hostStates, facts.hostState) &&
    listed(filters.caseIds, facts.caseId) &&
    listed(filters.eventTypes, facts.eventType) &&
    (filters.nationalities.length === 0 || facts.nationalities.some((nationality) => filters.nationalities.includes(nationality)))
  );
}

export function emailRecipientKey(address: string): string {
  return `email:${address.trim().toLowerCase()}`;
}

/**
 * The recipients of a notification in the directory's current state, one per key, in key order.
 * An address that is both a focal point and an e-mail subscriber gets one e-mail, with both reasons.
 */
export function recipientsOf(notification: Notification, directory: RecipientDirectoryState): Recipient[] {
  const byKey = new Map<string, Recipient>();
  const add = (recipient: Omit<Recipient, 'sources'>, source: NotificationSourceView) => {
    const known = byKey.get(recipient.key);
    byKey.set(recipient.key, { ...(known ?? recipient), sources: [...(known?.sources ?? []), source] });
  };
  const { focalPointsOf, subscribers } = notification.audience;
  if (focalPointsOf !== null) {
    for (const focalPoint of Object.values(directory.focalPoints)) {
      if (focalPoint.mission !== focalPointsOf) continue;
      const recipient = { key: emailRecipientKey(focalPoint.email), channel: 'email' as const, address: focalPoint.email, subscriptionId: null };
      add(recipient, { kind: 'focal-point', id: focalPoint.focalPointId });
    }
  }
  if (subscribers !== null) {
    for (const subscription of Object.values(directory.subscriptions)) {
      if (!filtersMatch(subscription.filters, subscribers)) continue;
      const source = { kind: 'subscription' as const, id: subscription.subscriptionId };
      if (subscription.channel === 'webhook' && subscription.url !== undefined) {
        const key = `webhook:${subscription.subscriptionId}`;
        add({ key, channel: 'webhook', address: subscription.url, subscriptionId: subscription.subscriptionId }, source);
      } else if (subscription.channel === 'email' && subscription.email !== undefined) {
        add({ key: emailRecipientKey(subscription.email), channel: 'email', address: subscription.email, subscriptionId: null }, source);
      }
    }
  }
  return [...byKey.values()]
    .map((recipient) => ({ ...recipient, sources: [...recipient.sources].sort((a, b) => (a.id < b.id ? -1 : 1)) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}
