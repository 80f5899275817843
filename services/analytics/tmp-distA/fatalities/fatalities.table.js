import { bindReadModel } from '../projection/read-model.binding.js';
import { fatalitiesProjection } from './fatalities.projection.js';
export const CASUALTIES_TABLE = {
    name: 'fatality_casualties',
    columns: [
        { name: 'incident_id', type: 'text' },
        { name: 'casualty_index', type: 'integer' },
        { name: 'position', type: 'bigint' },
        { name: 'occurred_on', type: 'text' },
        { name: 'date_precision', type: 'text' },
        { name: 'period_start', type: 'text' },
        { name: 'period_end', type: 'text' },
        { name: 'year', type: 'text' },
        { name: 'mission', type: 'text' },
        { name: 'host_state', type: 'text' },
        { name: 'category', type: 'text' },
        { name: 'incident_type', type: 'text', nullable: true },
        { name: 'personnel_type', type: 'text' },
        { name: 'nationality', type: 'text' },
        { name: 'outcome', type: 'text' },
    ],
    // The event's position rather than the incident id: an incident is reported by exactly one
    // event, and keys that only grow keep inserts at the end of the index during a rebuild.
    primaryKey: ['position', 'casualty_index'],
};
export const fatalitiesReadModel = bindReadModel({
    projection: fatalitiesProjection,
    table: CASUALTIES_TABLE,
    appendValues: (row, values) => {
        values.push(row.incidentId, row.casualtyIndex, row.position, row.occurredOn, row.precision, row.periodStart, row.periodEnd, row.year, row.mission, row.hostState, row.category, row.type, row.personnelType, row.nationality, row.outcome);
    },
});
//# sourceMappingURL=fatalities.table.js.map