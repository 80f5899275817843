import { nameBasedUuids } from '@bluehelm/contracts';

/** Fixed forever: a delivery's id is what receivers deduplicate by (webhook-id, Message-ID). */
export const DELIVERY_NAMESPACE = 'c7d7f0c4-95a1-4f7e-8a44-1f4c52f0f5d3';

const deliveryIdOfName = nameBasedUuids(DELIVERY_NAMESPACE);

/**
 * The id of the one delivery of an event to a recipient: the same (event, recipient) always
 * gives the same id, so a copy sent again after a crash carries the id of the first.
 */
export function deliveryIdOf(eventId: string, recipientKey: string): string {
  return deliveryIdOfName(`${eventId.toLowerCase()}/${recipientKey}`);
}

/** The Message-ID of a delivery's e-mail. */
export function emailMessageIdOf(deliveryId: string): string {
  return `<${deliveryId}@notification.bluehelm>`;
}
