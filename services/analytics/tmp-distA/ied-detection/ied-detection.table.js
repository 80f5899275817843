import { bindReadModel } from '../projection/read-model.binding.js';
import { iedDetectionProjection } from './ied-detection.projection.js';
export const IED_INCIDENTS_TABLE = {
    name: 'ied_incidents',
    columns: [
        { name: 'incident_id', type: 'text' },
        { name: 'position', type: 'bigint' },
        { name: 'occurred_on', type: 'text' },
        { name: 'year', type: 'text' },
        { name: 'mission', type: 'text' },
        { name: 'host_state', type: 'text' },
        // 1 detected before detonation, 0 not, null not said.
        { name: 'detected', type: 'integer', nullable: true },
    ],
    // As for casualties: one event per incident, and growing keys.
    primaryKey: ['position'],
};
export const iedDetectionReadModel = bindReadModel({
    projection: iedDetectionProjection,
    table: IED_INCIDENTS_TABLE,
    appendValues: (row, values) => {
        values.push(row.incidentId, row.position, row.occurredOn, row.year, row.mission, row.hostState, row.detectedBeforeDetonation === null ? null : row.detectedBeforeDetonation ? 1 : 0);
    },
});
//# sourceMappingURL=ied-detection.table.js.map