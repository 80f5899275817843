import type { CasualtyOutcome, PersonnelType, WorldDatePrecision } from '@bluehelm/contracts';
import { type RowProjection } from '../projection/row.projection.js';
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
/** Every casualty of every reported incident, one row each. */
export declare const fatalitiesProjection: RowProjection<CasualtyRow>;
//# sourceMappingURL=fatalities.projection.d.ts.map