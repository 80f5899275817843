/**
 * What the rules decide: a notification about one event (or one stall period of a case), with
 * the facts that say who is to hear of it. Pure data; recipients are resolved separately against
 * the focal points and subscriptions in force.
 */
import type { NotificationKind } from '@bluehelm/contracts';

/** The facts a subscription's filters are matched against. */
export interface SubscriberFacts {
  readonly eventType: string;
  readonly mission: string | null;
  readonly hostState: string | null;
  readonly nationalities: readonly string[];
  readonly caseId: string | null;
}

export interface NotificationAudience {
  /** The mission whose focal points are told, if any. */
  readonly focalPointsOf: string | null;
  /** Facts for subscriptions to match, or null when subscribers are not told. */
  readonly subscribers: SubscriberFacts | null;
}

export interface Notification {
  /** The event's id; for a stall reminder, the reminder's own deterministic id. */
  readonly eventId: string;
  readonly eventType: string;
  readonly kind: NotificationKind;
  /** When the notified fact was recorded (or, for a reminder, the day its period began). */
  readonly timestamp: string;
  /** What the recipient is told; no personal data (names stay in the log). */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly audience: NotificationAudience;
}

/** An integration event as the rules read it. */
export interface NotifiableEvent {
  readonly id: string;
  readonly type: string;
  readonly streamName: string;
  readonly revision: number;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** When the event was recorded, from its metadata; the empty string when it does not say. */
export function recordedAtOf(event: NotifiableEvent): string {
  return textOrNull(event.metadata['recordedAt']) ?? '';
}
