import { isWellFormedCasualty, reportedIncidentOf } from '../projection/reported-incident.reader.js';
import { NO_ROWS } from '../projection/row.projection.js';
import { periodOf } from '../projection/world-period.js';
function casualtyRowsOf(event) {
    const incident = reportedIncidentOf(event);
    if (!incident)
        return NO_ROWS;
    const period = periodOf(incident.occurredOn);
    return incident.casualties.flatMap((casualty, casualtyIndex) => isWellFormedCasualty(casualty)
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
        : []);
}
/** Every casualty of every reported incident, one row each. */
export const fatalitiesProjection = {
    name: 'fatalities',
    rowsOf: casualtyRowsOf,
    keyOf: (row) => `${row.position}#${row.casualtyIndex}`,
};
//# sourceMappingURL=fatalities.projection.js.map