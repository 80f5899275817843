import { type FatalitiesQuery } from '@bluehelm/contracts';
import type { SqlValue } from '../read-model/read-model-table.js';
/** `from` names a period that starts after the one `to` names. */
export declare class InvertedRangeError extends Error {
    readonly from: string;
    readonly to: string;
    readonly name = "InvertedRangeError";
    constructor(from: string, to: string);
}
export interface SqlQuery {
    readonly sql: string;
    readonly params: readonly SqlValue[];
}
/**
 * The count of fatalities the query selects, grouped when it says so. The range runs from the
 * first day of `from`'s period to the last day of `to`'s, and takes an incident whose whole
 * period (day, month or year) lies inside it: `2021` is inside `from=2020&to=2021` but not
 * inside `from=2021-01&to=2021-05`, so that no fatality is counted in two disjoint ranges.
 */
export declare function fatalityCountSql(query: FatalitiesQuery): SqlQuery;
//# sourceMappingURL=fatalities.query.d.ts.map