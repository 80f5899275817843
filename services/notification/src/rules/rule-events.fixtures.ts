// Integration events as the relays publish them, for the rule and case specs.
import type { NotifiableEvent } from './notification.js';

export const CASE_ID = '6f1b7c1e-3a2d-5b4c-8d9e-0a1b2c3d4e5f';
export const INCIDENT_ID = '1c2d3e4f-5a6b-5c7d-8e9f-a0b1c2d3e4f5';

export function incidentReported(overrides: Record<string, unknown> = {}, id = '11111111-1111-4111-8111-111111111111'): NotifiableEvent {
  return {
    id,
    type: 'IncidentReported',
    streamName: `incident-${INCIDENT_ID}`,
    revision: 0,
    data: {
      incidentId: INCIDENT_ID,
      caseId: CASE_ID,
      mission: 'MINUSMA',
      hostState: 'MLI',
      occurredOn: '2020-03-14',
      category: 'malicious-act',
      type: 'ied',
      casualties: [
        { personnelType: 'military', nationality: 'TCD', outcome: 'killed', name: 'A. Soldier' },
        { personnelType: 'military', nationality: 'SEN', outcome: 'killed' },
        { personnelType: 'police', nationality: 'SEN', outcome: 'injured' },
      ],
      ...overrides,
    },
    metadata: { recordedAt: '2020-03-15T08:00:00.000Z', actor: 'minusma-sage' },
  };
}

export function caseEvent(type: string, data: Record<string, unknown>, revision = 1, id = '22222222-2222-4222-8222-222222222222'): NotifiableEvent {
  return { id, type, streamName: `case-${CASE_ID}`, revision, data, metadata: { recordedAt: '2021-01-10T09:30:00.000Z' } };
}
