import type { AccessTrailPage, AccessTrailQuery } from '@bluehelm/contracts';
import type { ReadModelDatabase } from '../read-model/read-model-database.js';
/** Reads pages of the access trail. */
export declare class AccessTrailReader {
    private readonly database;
    constructor(database: ReadModelDatabase);
    /** Throws InvertedTimeRangeError when `to` does not come after `from`. */
    page(query: Partial<AccessTrailQuery>): Promise<AccessTrailPage>;
}
//# sourceMappingURL=access-trail.reader.d.ts.map