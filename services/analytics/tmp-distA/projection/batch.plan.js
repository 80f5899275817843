/**
 * The writes of one batch of events (in position order), given each projection's checkpoint:
 * a projection skips the events at or before its checkpoint, derives rows from the others, and
 * moves its checkpoint to the last of them. Pure, so that the SQL adapters only carry it out.
 */
export function planBatch(bindings, events, checkpoints) {
    const tables = [];
    const newCheckpoints = new Map();
    const outcomes = [];
    const last = events.at(-1);
    if (last === undefined)
        return { tables, checkpoints: newCheckpoints, outcomes };
    for (const binding of bindings) {
        const name = binding.projection.name;
        const checkpoint = checkpoints.get(name) ?? -1;
        if (last.position <= checkpoint)
            continue;
        const values = [];
        let rows = 0;
        for (const event of events) {
            if (event.position <= checkpoint)
                continue;
            for (const row of binding.projection.rowsOf(event)) {
                binding.appendValues(row, values);
                rows += 1;
            }
        }
        if (rows > 0)
            tables.push({ table: binding.table, values });
        newCheckpoints.set(name, last.position);
        outcomes.push({ name, rows, lastPosition: last.position });
    }
    return { tables, checkpoints: newCheckpoints, outcomes };
}
//# sourceMappingURL=batch.plan.js.map