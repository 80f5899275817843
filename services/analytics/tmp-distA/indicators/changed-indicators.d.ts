import type { IndicatorName } from '@bluehelm/contracts';
import type { ProjectionOutcome } from '../projection/batch.plan.js';
/** The indicators a batch may have changed: those whose projection derived rows from it. */
export declare function changedIndicatorsOf(outcomes: readonly ProjectionOutcome[]): IndicatorName[];
//# sourceMappingURL=changed-indicators.d.ts.map