/**
 * Which command an IncidentReported integration event asks of case-tracking: OpenCase for a
 * malicious act, nothing for any other category.
 */
import {
  caseIdForIncident,
  firstDayOf,
  INCIDENT_REPORTED,
  isUuid,
  isWorldDate,
  type IncidentReportedData,
  type IsoDay,
} from '@bluehelm/contracts';
import type { OpenCase } from '../cases/case.commands.js';

/** The fields of IncidentReported a case is opened from. */
type OpeningFields = Pick<IncidentReportedData, 'incidentId' | 'mission' | 'hostState' | 'occurredOn' | 'category'> & {
  readonly victimNationalities: readonly string[];
};

/** An IncidentReported whose data lacks what a case needs: redelivering it cannot help. */
export class MalformedIncidentReportedError extends Error {
  constructor(
    readonly eventId: string,
    readonly field: string,
  ) {
    super(`IncidentReported ${eventId} has no usable ${field}`);
    this.name = 'MalformedIncidentReportedError';
  }
}

export interface ReportedIncident {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
}

function openingFieldsOf(event: ReportedIncident): OpeningFields {
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<string, unknown>;
  const text = (field: keyof OpeningFields): string => {
    const value = data[field];
    if (typeof value !== 'string' || value.trim() === '') throw new MalformedIncidentReportedError(event.id, field);
    return value;
  };
  const incidentId = text('incidentId');
  if (!isUuid(incidentId)) throw new MalformedIncidentReportedError(event.id, 'incidentId');
  const occurredOn = text('occurredOn');
  if (!isWorldDate(occurredOn)) throw new MalformedIncidentReportedError(event.id, 'occurredOn');
  return {
    incidentId: incidentId.toLowerCase(),
    mission: text('mission') as OpeningFields['mission'],
    hostState: text('hostState'),
    occurredOn,
    category: text('category') as OpeningFields['category'],
    victimNationalities: nationalitiesOf(data['casualties']),
  };
}

/** The casualties' nationalities; a report without casualties (or a malformed list) names none. */
function nationalitiesOf(casualties: unknown): string[] {
  if (!Array.isArray(casualties)) return [];
  return casualties
    .map((casualty: unknown) => (typeof casualty === 'object' && casualty !== null ? (casualty as Record<string, unknown>)['nationality'] : undefined))
    .filter((nationality): nationality is string => typeof nationality === 'string');
}

/**
 * The OpenCase for a reported malicious act, or null when the event opens no case. The case is
 * opened on the first day the incident could have happened, so that its steps may be dated
 * from then on, however late the report came in.
 */
export function openCaseFor(event: ReportedIncident, today: IsoDay): OpenCase | null {
  if (event.type !== INCIDENT_REPORTED) return null;
  const incident = openingFieldsOf(event);
  if (incident.category !== 'malicious-act') return null;
  return {
    type: 'OpenCase',
    data: {
      caseId: caseIdForIncident(incident.incidentId),
      incidentId: incident.incidentId,
      mission: incident.mission,
      hostState: incident.hostState,
      incidentOccurredOn: incident.occurredOn,
      openedOn: firstDayOf(incident.occurredOn),
      victimNationalities: incident.victimNationalities,
      today,
    },
  };
}
