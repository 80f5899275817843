import type { CasualtyOutcome, PersonnelType, WorldDatePrecision } from '@bluehelm/contracts';
import type { LogEvent } from '../projection/log-event.js';
import { isWellFormedCasualty, reportedIncidentOf } from '../projection/reported-incident.reader.js';
import { NO_ROWS, type RowProjection } from '../projection/row.projection.js';
import { periodOf } from '../projection/world-period.js';

/** One casualty of an incident, dated by its incident; a fatality when `outcome` is `killed`. */
export interface CasualtyRow {
  readonly incidentId: string;
  /** The casualty's place in the report's list. */
  readonly casualtyIndex: number;
  readonly position: number;
  /** The incident's date as reported: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly occurredOn: string;
  readonly precision: WorldDatePrecision;
  /** First and last day of the period `occurredOn` names. */
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly year: string;
  readonly mission: string;
  readonly hostState: string;
  readonly category: string;
  readonly type: string | null;
  readonly personnelType: PersonnelType;
  readonly nationality: string;
  readonly outcome: CasualtyOutcome;
}

function casualtyRowsOf(event: LogEvent): readonly CasualtyRow[] {
  const incident = reportedIncidentOf(event);
  if (!incident) return NO_ROWS;
  const period = periodOf(incident.occurredOn);
  return incident.casualties.flatMap((casualty, casualtyIndex): CasualtyRow[] =>
    isWellFormedCasualty(casualty)
      ? [
          {
            incidentId: incident.incidentId,
            casualtyIndex,
            position: event.position,
            occurredOn: incident.occurredOn,
            precision: period.precision,
            periodStart: period.firstDay,
            periodEnd: period.lastDay,
            year: incident.occurredOn.slice(0, 4),
            mission: incident.mission,
            hostState: incident.hostState,
            category: incident.category,
            type: incident.type,
            personnelType: casualty.personnelType,
            nationality: casualty.nationality,
            outcome: casualty.outcome,
          },
        ]
      : [],
  );
}

/** Every casualty of every reported incident, one row each. */
export const fatalitiesProjection: RowProjection<CasualtyRow> = {
  name: 'fatalities',
  rowsOf: casualtyRowsOf,
  keyOf: (row) => `${row.position}#${row.casualtyIndex}`,
};
