import type { CountGroup, FatalitiesQuery, FatalitiesView } from '@bluehelm/contracts';
import type { ReadModelDatabase } from '../read-model/read-model-database.js';
/** Reads fatality counts from the casualty rows. */
export declare class FatalitiesReader {
    private readonly database;
    constructor(database: ReadModelDatabase);
    /** Throws InvertedRangeError when `to` ends before `from` begins. */
    count(query: FatalitiesQuery): Promise<FatalitiesView>;
    /** Every fatality in the read model. */
    total(): Promise<number>;
}
/** Highest count first; equal counts by key in code-point order, the same on every database. */
export declare function byCountThenKey(a: CountGroup, b: CountGroup): number;
//# sourceMappingURL=fatalities.reader.d.ts.map