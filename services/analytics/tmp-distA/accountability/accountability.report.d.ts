import { type AccountabilityReport } from '@bluehelm/contracts';
import { type IndexedCase } from './accountability-index.js';
/** A report's question, its clocks already resolved (see report-clocks.ts). */
export interface AccountabilityQuestion {
    /** `YYYY-MM-DD`: facts dated after this day in the world are not yet facts. */
    readonly asOf: string;
    /** ISO date-time (UTC, milliseconds): facts recorded after this instant are not yet known. */
    readonly knownAt: string;
    readonly hostState?: string;
    readonly mission?: string;
    /** An open case whose last step is more than this many days before `asOf` is stalled. */
    readonly stallDays: number;
}
/**
 * The accountability report, replayed from the facts: a case counts from its incident's date
 * (asOf) once its opening was recorded (knownAt); each of its facts counts when dated on or
 * before `asOf` and recorded at or before `knownAt`. Nothing but the question and the facts goes
 * in, so the same question over the same facts gives the same report.
 */
export declare function accountabilityReport(cases: Iterable<IndexedCase>, question: AccountabilityQuestion): AccountabilityReport;
//# sourceMappingURL=accountability.report.d.ts.map