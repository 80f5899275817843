import { type AccessTrailQuery } from '@bluehelm/contracts';
import type { SqlValue } from '../read-model/read-model-table.js';
/** `to` does not come after `from`: the range could hold no entry. */
export declare class InvertedTimeRangeError extends Error {
    readonly from: string;
    readonly to: string;
    readonly name = "InvertedTimeRangeError";
    constructor(from: string, to: string);
}
export interface AccessTrailSql {
    readonly sql: string;
    readonly params: readonly SqlValue[];
    /** Rows asked for: one more than the page holds, so that a full page knows whether another follows. */
    readonly rowLimit: number;
}
/** Milliseconds since the epoch of a valid `from` or `to`: a day means its first instant in UTC. */
export declare function instantOf(dayOrDateTime: string): number;
export declare const ACCESS_TRAIL_COLUMNS: string;
/**
 * The entries a query selects, in position order, after its cursor: `from` included, `to`
 * excluded. Resource ids are compared in lower case, as the projection stores them. A query
 * without `limit` gets the contract's default page.
 */
export declare function accessTrailSql(query: Partial<AccessTrailQuery>): AccessTrailSql;
//# sourceMappingURL=access-trail.query.d.ts.map