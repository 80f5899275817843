import type { AttemptReport, ClaimedDelivery } from './delivery.records.js';

/**
 * How one attempt went. `permanent`: trying again cannot help (no SMTP server configured, the
 * subscription's secret is gone), so the delivery becomes a dead letter at once.
 */
export type SendOutcome =
  | ({ readonly delivered: true } & AttemptReport)
  | ({ readonly delivered: false; readonly permanent: boolean; readonly error: string } & AttemptReport);

/** One channel's way of sending a delivery; it answers failures rather than throwing them. */
export interface DeliverySender {
  send(delivery: ClaimedDelivery): Promise<SendOutcome>;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
