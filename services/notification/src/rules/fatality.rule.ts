import { INCIDENT_REPORTED } from '@bluehelm/contracts';
import { recordedAtOf, recordOf, textOrNull, type NotifiableEvent, type Notification } from './notification.js';

export interface Casualty {
  readonly personnelType: string | null;
  readonly nationality: string | null;
  readonly outcome: string | null;
}

export function casualtiesOf(data: Record<string, unknown>): Casualty[] {
  const listed = Array.isArray(data['casualties']) ? (data['casualties'] as unknown[]) : [];
  return listed.map((item) => {
    const casualty = recordOf(item);
    return {
      personnelType: textOrNull(casualty['personnelType']),
      nationality: textOrNull(casualty['nationality']),
      outcome: textOrNull(casualty['outcome']),
    };
  });
}

function countsBy(values: readonly (string | null)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of [...values].sort()) counts[value ?? 'unknown'] = (counts[value ?? 'unknown'] ?? 0) + 1;
  return counts;
}

/**
 * A fatality: an IncidentReported with at least one casualty killed. It is told to the focal
 * points of the incident's mission and to the subscriptions that match it, among them those for
 * the nationalities of the dead (their troop- and police-contributing countries).
 */
export function fatalityNotificationOf(event: NotifiableEvent): Notification | null {
  if (event.type !== INCIDENT_REPORTED) return null;
  const data = recordOf(event.data);
  const killed = casualtiesOf(data).filter((casualty) => casualty.outcome === 'killed');
  if (killed.length === 0) return null;
  const mission = textOrNull(data['mission']);
  const hostState = textOrNull(data['hostState']);
  const caseId = textOrNull(data['caseId']);
  const nationalities = [...new Set(killed.flatMap((casualty) => (casualty.nationality ? [casualty.nationality] : [])))].sort();
  return {
    eventId: event.id,
    eventType: event.type,
    kind: 'fatality',
    timestamp: recordedAtOf(event),
    payload: {
      eventId: event.id,
      eventType: event.type,
      incidentId: textOrNull(data['incidentId']),
      caseId,
      mission,
      hostState,
      occurredOn: textOrNull(data['occurredOn']),
      category: textOrNull(data['category']),
      type: textOrNull(data['type']),
      fatalities: killed.length,
      fatalitiesByNationality: countsBy(killed.map((casualty) => casualty.nationality)),
      fatalitiesByPersonnelType: countsBy(killed.map((casualty) => casualty.personnelType)),
    },
    audience: {
      focalPointsOf: mission,
      subscribers: { eventType: event.type, mission, hostState, nationalities, caseId },
    },
  };
}
