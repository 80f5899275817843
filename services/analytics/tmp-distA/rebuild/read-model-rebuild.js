import { ANALYTICS_READ_MODELS, ANALYTICS_TABLES } from '../projection/analytics-read-models.js';
import { headPositionOf } from '../projection/log-head.js';
import { ANALYTICS_EVENT_FILTER, Projector } from '../projection/projector.js';
import { withoutIndexes } from '../read-model/read-model-table.js';
import { rebuildThreaded } from './threaded-rebuild.js';
/**
 * Drops every read model and its checkpoint, and applies the log again from position zero up to
 * the newest event at the start, with the projections and batch planning the service's projector
 * runs. The tables' indexes are made once their rows are in: one sort per index costs far less
 * than keeping it ordered row by row (a third of the time, for the access trail's). The service
 * must not be running on the same database meanwhile; should the rebuild stop half-way, the
 * service makes the missing indexes when it starts.
 */
export async function rebuildReadModels(options) {
    const { store, database } = options;
    await database.dropTables(ANALYTICS_TABLES);
    await database.createTables(ANALYTICS_TABLES.map(withoutIndexes));
    const head = await headPositionOf(store, ANALYTICS_EVENT_FILTER);
    options.onStart?.(head);
    const started = process.hrtime.bigint();
    const events = options.sqliteFile === undefined
        ? await applyUpTo(options, head)
        : await rebuildThreaded(store, options.sqliteFile, head, (position, applied) => options.onProgress?.({ position, head, events: applied }));
    await database.createTables(ANALYTICS_TABLES);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { events, seconds, eventsPerSecond: seconds > 0 ? events / seconds : 0, head };
}
/** Runs the service's projector from the (dropped) checkpoints until it has applied `head`. */
async function applyUpTo({ store, database, onProgress }, head) {
    let events = 0;
    let fail = () => undefined;
    const failed = new Promise((_, reject) => {
        fail = reject;
    });
    const projector = new Projector({
        store,
        database,
        readModels: ANALYTICS_READ_MODELS,
        onBatch: (batch) => {
            events += batch.length;
            onProgress?.({ position: batch.at(-1)?.position ?? -1, head, events });
        },
        onError: (error) => fail(error),
    });
    await projector.start();
    try {
        await Promise.race([projector.whenReached(head), failed]);
    }
    finally {
        await projector.stop();
    }
    return events;
}
//# sourceMappingURL=read-model-rebuild.js.map