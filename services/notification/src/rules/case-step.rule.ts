import { CASE_STREAM_CATEGORY, isCaseEventType } from '@bluehelm/contracts';
import { recordedAtOf, recordOf, textOrNull, type NotifiableEvent, type Notification } from './notification.js';

/** What the notification service knows of a case beyond what each of its events says. */
export interface CaseFacts {
  readonly caseId: string;
  readonly mission: string | null;
  readonly hostState: string | null;
  /** Nationalities of the casualties of the case's incidents. */
  readonly nationalities: readonly string[];
}

/** The case id of a `case-<uuid>` stream, or null for any other stream. */
export function caseIdOfStream(streamName: string): string | null {
  const prefix = `${CASE_STREAM_CATEGORY}-`;
  return streamName.startsWith(prefix) ? streamName.slice(prefix.length).toLowerCase() : null;
}

/** The world date of a case step: `on`, or `openedOn` for CaseOpened. */
export function stepDateOf(data: Record<string, unknown>): string | null {
  return textOrNull(data['on']) ?? textOrNull(data['openedOn']);
}

/**
 * A case step (any case event) is told to the subscriptions of that case, its mission, its host
 * state or its victims' nationalities (whichever their filters name). Focal points are not told
 * of steps; they hear of stalled cases instead.
 */
export function caseStepNotificationOf(event: NotifiableEvent, facts: CaseFacts): Notification | null {
  if (!isCaseEventType(event.type) || caseIdOfStream(event.streamName) === null) return null;
  const data = recordOf(event.data);
  return {
    eventId: event.id,
    eventType: event.type,
    kind: 'case-step',
    timestamp: recordedAtOf(event),
    payload: {
      eventId: event.id,
      eventType: event.type,
      caseId: facts.caseId,
      revision: event.revision,
      on: stepDateOf(data),
      mission: facts.mission,
      hostState: facts.hostState,
      ...(typeof data['personId'] === 'string' ? { personId: data['personId'] } : {}),
    },
    audience: {
      focalPointsOf: null,
      subscribers: {
        eventType: event.type,
        mission: facts.mission,
        hostState: facts.hostState,
        nationalities: facts.nationalities,
        caseId: facts.caseId,
      },
    },
  };
}
