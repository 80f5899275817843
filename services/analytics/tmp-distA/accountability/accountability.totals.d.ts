import type { AccountabilityTotals } from '@bluehelm/contracts';
import { type IndexedCase } from './accountability-index.js';
/** Everything known so far, without either clock: the figures of the live indicator stream. */
export declare function accountabilityTotals(cases: Iterable<IndexedCase>): AccountabilityTotals;
//# sourceMappingURL=accountability.totals.d.ts.map