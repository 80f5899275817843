// Publishes integration events to JetStream the way the intake and case-tracking relays do.
import { randomUUID } from 'node:crypto';
import { caseIdForIncident, eventSubjectOf } from '@bluehelm/contracts';
import { encodeIntegrationEvent, type IntegrationEvent } from '@bluehelm/messaging';
import type { JetStreamClient } from '@nats-io/jetstream';

let position = 0;

export interface Casualty {
  readonly personnelType: string;
  readonly nationality: string;
  readonly outcome: string;
}

export function incidentReported(mission: string, hostState: string, casualties: readonly Casualty[]): IntegrationEvent {
  const incidentId = randomUUID();
  return {
    id: randomUUID(),
    type: 'IncidentReported',
    streamName: `incident-${incidentId}`,
    category: 'incident',
    revision: 0,
    position: ++position,
    data: {
      reportId: `${mission}-${incidentId}`,
      incidentId,
      caseId: caseIdForIncident(incidentId),
      mission,
      hostState,
      occurredOn: '2020-03-14',
      category: 'malicious-act',
      type: 'ied',
      casualties: casualties.map((casualty, index) => ({ ...casualty, name: `Casualty ${index + 1}` })),
    },
    metadata: { correlationId: randomUUID(), actor: 'mission-system', recordedAt: new Date().toISOString(), schemaVersion: 1 },
  };
}

export function caseEvent(caseId: string, revision: number, type: string, data: Record<string, unknown>): IntegrationEvent {
  return {
    id: randomUUID(),
    type,
    streamName: `case-${caseId}`,
    category: 'case',
    revision,
    position: ++position,
    data,
    metadata: { correlationId: randomUUID(), actor: 'legal-officer', recordedAt: new Date().toISOString(), schemaVersion: 1 },
  };
}

/** On `bluehelm.events.<category>.<Type>` with Nats-Msg-Id = event id, unless `msgId` says otherwise. */
export async function publishEvent(js: JetStreamClient, event: IntegrationEvent, msgId = event.id): Promise<void> {
  await js.publish(eventSubjectOf(event.category, event.type), encodeIntegrationEvent(event), { msgID: msgId });
}
