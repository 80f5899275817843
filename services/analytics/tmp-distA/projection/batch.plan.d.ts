import type { BatchWrite } from '../read-model/read-model-table.js';
import type { LogEvent } from './log-event.js';
import type { AnyReadModelBinding } from './read-model.binding.js';
/** What a batch did to one projection: the rows it derived (before duplicates were dropped). */
export interface ProjectionOutcome {
    readonly name: string;
    readonly rows: number;
    readonly lastPosition: number;
}
export interface BatchPlan extends BatchWrite {
    readonly outcomes: readonly ProjectionOutcome[];
}
/**
 * The writes of one batch of events (in position order), given each projection's checkpoint:
 * a projection skips the events at or before its checkpoint, derives rows from the others, and
 * moves its checkpoint to the last of them. Pure, so that the SQL adapters only carry it out.
 */
export declare function planBatch(bindings: readonly AnyReadModelBinding[], events: readonly LogEvent[], checkpoints: ReadonlyMap<string, number>): BatchPlan;
//# sourceMappingURL=batch.plan.d.ts.map