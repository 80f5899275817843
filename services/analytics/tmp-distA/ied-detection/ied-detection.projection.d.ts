import { type RowProjection } from '../projection/row.projection.js';
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
/** Every incident of type `ied`, one row each. */
export declare const iedDetectionProjection: RowProjection<IedIncidentRow>;
//# sourceMappingURL=ied-detection.projection.d.ts.map