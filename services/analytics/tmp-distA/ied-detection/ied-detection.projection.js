import { reportedIncidentOf } from '../projection/reported-incident.reader.js';
import { NO_ROWS } from '../projection/row.projection.js';
function iedRowsOf(event) {
    const incident = reportedIncidentOf(event);
    if (!incident || incident.type !== 'ied')
        return NO_ROWS;
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
export const iedDetectionProjection = {
    name: 'ied-detection',
    rowsOf: iedRowsOf,
    keyOf: (row) => String(row.position),
};
//# sourceMappingURL=ied-detection.projection.js.map