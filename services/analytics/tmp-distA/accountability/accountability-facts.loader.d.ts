import type { ReadModelDatabase } from '../read-model/read-model-database.js';
import { AccountabilityIndex } from './accountability-index.js';
/** Fills an index with every fact of the read model, in log order, up to the projection's checkpoint. */
export declare function loadAccountabilityIndex(database: ReadModelDatabase): Promise<AccountabilityIndex>;
//# sourceMappingURL=accountability-facts.loader.d.ts.map