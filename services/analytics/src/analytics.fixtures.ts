// Events for specs and the benchmark, written the way intake and case-tracking write them.
import { randomUUID } from 'node:crypto';
import { firstDayOf, type CaseEventDataByType, type CaseEventType, type IncidentReportedData, type ResolvedCasualty } from '@bluehelm/contracts';
import type { EventToAppend } from '@bluehelm/event-store';
import type { LogEvent } from './projection/log-event.js';

/** An event before the store gives it a position. */
export interface StoryEvent {
  readonly streamName: string;
  readonly type: string;
  readonly data: unknown;
  /** ISO date-time: when Bluehelm recorded it. */
  readonly recordedAt: string;
}

export interface IncidentInput {
  readonly incidentId?: string;
  readonly mission?: string;
  readonly hostState?: string;
  readonly occurredOn: string;
  readonly category?: IncidentReportedData['category'];
  readonly type?: IncidentReportedData['type'];
  readonly casualties?: readonly Partial<ResolvedCasualty>[];
  readonly detectedBeforeDetonation?: boolean | null;
}

export function killed(nationality: string, personnelType: ResolvedCasualty['personnelType'] = 'military'): ResolvedCasualty {
  return { personnelType, nationality, outcome: 'killed', name: null };
}

export function injured(nationality: string, personnelType: ResolvedCasualty['personnelType'] = 'military'): ResolvedCasualty {
  return { personnelType, nationality, outcome: 'injured', name: null };
}

export function incidentReported(input: IncidentInput, recordedAt = '2024-01-01T00:00:00.000Z'): StoryEvent {
  const incidentId = input.incidentId ?? randomUUID();
  const data = {
    incidentId,
    reportId: `report-${incidentId}`,
    reportHash: '0'.repeat(64),
    caseId: null,
    mission: input.mission ?? 'MINUSMA',
    hostState: input.hostState ?? 'MLI',
    occurredOn: input.occurredOn,
    category: input.category ?? 'malicious-act',
    type: input.type === undefined ? 'ambush' : input.type,
    location: { placeName: 'Kidal', lat: 18.44, lon: 1.41, precision: 'locality' },
    narrative: 'A patrol was attacked.',
    sofaViolation: false,
    detectedBeforeDetonation: input.detectedBeforeDetonation ?? null,
    casualties: input.casualties ?? [],
    perpetrators: [],
    classification: 'restricted',
  };
  return { streamName: `incident-${incidentId}`, type: 'IncidentReported', data, recordedAt };
}

export function caseEvent<Type extends CaseEventType>(
  caseId: string,
  type: Type,
  data: CaseEventDataByType[Type],
  recordedAt: string,
): StoryEvent {
  return { streamName: `case-${caseId}`, type, data, recordedAt };
}

/** A case opened for an incident in a host state, recorded at `recordedAt`. */
export function caseOpened(
  caseId: string,
  input: { readonly hostState?: string; readonly mission?: string; readonly incidentOccurredOn: string },
  recordedAt: string,
): StoryEvent {
  return caseEvent(
    caseId,
    'CaseOpened',
    {
      caseId,
      incidentId: randomUUID(),
      mission: (input.mission ?? 'MINUSMA') as CaseEventDataByType['CaseOpened']['mission'],
      hostState: input.hostState ?? 'MLI',
      incidentOccurredOn: input.incidentOccurredOn,
      openedOn: firstDayOf(input.incidentOccurredOn),
    },
    recordedAt,
  );
}

/** The events as the store would give them back, at consecutive positions from `firstPosition`. */
export function asLogEvents(events: readonly StoryEvent[], firstPosition = 0): LogEvent[] {
  return events.map((event, n) => ({
    id: randomUUID(),
    streamName: event.streamName,
    type: event.type,
    data: event.data,
    metadata: { recordedAt: event.recordedAt },
    position: firstPosition + n,
    createdAt: event.recordedAt,
  }));
}

/** The event as a writer appends it, with the metadata the event-sourcing kit writes. */
export function asAppend(event: StoryEvent): EventToAppend {
  const correlationId = randomUUID();
  return {
    id: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: {
      correlationId,
      causationId: correlationId,
      actor: 'analytics-spec',
      occurredAt: event.recordedAt,
      recordedAt: event.recordedAt,
      schemaVersion: 1,
    },
  };
}
