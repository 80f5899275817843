// Incident reports as mission systems send them.
import { randomUUID } from 'node:crypto';

export function maliciousActReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    reportId: `e2e-${randomUUID()}`,
    mission: 'MINUSMA',
    occurredOn: '2021-02-10',
    category: 'malicious-act',
    type: 'ied',
    detectedBeforeDetonation: false,
    location: { placeName: 'Near Aguelhok', lat: 18.45, lon: 1.05, precision: 'near' },
    narrative: 'A convoy struck an improvised explosive device.',
    casualties: [
      { personnelType: 'military', nationality: 'TCD', outcome: 'killed', name: 'A. Mahamat' },
      { personnelType: 'military', nationality: 'TCD', outcome: 'injured' },
    ],
    perpetrators: [{ kind: 'group', affiliation: 'Armed group' }],
    ...overrides,
  };
}

export function accidentReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    reportId: `e2e-${randomUUID()}`,
    mission: 'UNMISS',
    occurredOn: '2022-06',
    category: 'accident',
    location: { placeName: 'Juba', lat: 4.85, lon: 31.6, precision: 'locality' },
    narrative: 'Road traffic accident.',
    casualties: [{ personnelType: 'police', nationality: 'RWA', outcome: 'injured' }],
    ...overrides,
  };
}
