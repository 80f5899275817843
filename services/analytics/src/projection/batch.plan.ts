import type { BatchWrite, SqlValue, TableRows } from '../read-model/read-model-table.js';
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
export function planBatch(
  bindings: readonly AnyReadModelBinding[],
  events: readonly LogEvent[],
  checkpoints: ReadonlyMap<string, number>,
): BatchPlan {
  const tables: TableRows[] = [];
  const newCheckpoints = new Map<string, number>();
  const outcomes: ProjectionOutcome[] = [];
  const last = events.at(-1);
  if (last === undefined) return { tables, checkpoints: newCheckpoints, outcomes };
  for (const binding of bindings) {
    const name = binding.projection.name;
    const checkpoint = checkpoints.get(name) ?? -1;
    if (last.position <= checkpoint) continue;
    const values: SqlValue[] = [];
    let rows = 0;
    for (const event of events) {
      if (event.position <= checkpoint) continue;
      for (const row of binding.projection.rowsOf(event)) {
        binding.appendValues(row, values);
        rows += 1;
      }
    }
    if (rows > 0) tables.push({ table: binding.table, values });
    newCheckpoints.set(name, last.position);
    outcomes.push({ name, rows, lastPosition: last.position });
  }
  return { tables, checkpoints: newCheckpoints, outcomes };
}
