import type { LogEvent } from '../projection/log-event.js';
import { reportedIncidentOf } from '../projection/reported-incident.reader.js';
import { NO_ROWS, type RowProjection } from '../projection/row.projection.js';

/** One IED incident and whether it was found before it went off (null: the report does not say). */
export interface IedIncidentRow {
  readonly incidentId: string;
  readonly position: number;
  readonly occurredOn: string;
  readonly year: string;
  readonly mission: string;
  readonly hostState: string;
  readonly detectedBeforeDetonation: boolean | null;
}

function iedRowsOf(event: LogEvent): readonly IedIncidentRow[] {
  const incident = reportedIncidentOf(event);
  if (!incident || incident.type !== 'ied') return NO_ROWS;
  return [
    {
      incidentId: incident.incidentId,
      position: event.position,
      occurredOn: incident.occurredOn,
      year: incident.occurredOn.slice(0, 4),
      mission: incident.mission,
      hostState: incident.hostState,
      detectedBeforeDetonation: incident.detectedBeforeDetonation,
    },
  ];
}

/** Every incident of type `ied`, one row each. */
export const iedDetectionProjection: RowProjection<IedIncidentRow> = {
  name: 'ied-detection',
  rowsOf: iedRowsOf,
  keyOf: (row) => String(row.position),
};
