/** The two clocks of a report as given (either may be absent), and as resolved. */
export interface ReportClocks {
    /** `YYYY-MM-DD`. */
    readonly asOf: string;
    /** ISO date-time in UTC with milliseconds, as `Date.prototype.toISOString` writes it. */
    readonly knownAt: string;
}
/**
 * Fills in the clocks a query left out from `now`, and writes `knownAt` in one form: a day
 * means the end of that day in UTC, a date-time is converted to UTC. The answer carries these
 * values, so that sending them back asks exactly the same question.
 */
export declare function resolveReportClocks(given: {
    readonly asOf?: string;
    readonly knownAt?: string;
}, now: Date): ReportClocks;
//# sourceMappingURL=report-clocks.d.ts.map