import type { EventStore } from '@bluehelm/event-store';
import type { ReadModelDatabase } from '../read-model/read-model-database.js';
export interface RebuildProgress {
    /** The position of the last event applied, and of the newest event when the rebuild began. */
    readonly position: number;
    readonly head: number;
    /** Events applied so far. */
    readonly events: number;
}
export interface RebuildOutcome {
    readonly events: number;
    readonly seconds: number;
    readonly eventsPerSecond: number;
    /** The newest event when the rebuild began: every read model now stands there. */
    readonly head: number;
}
export interface RebuildOptions {
    readonly store: EventStore;
    readonly database: ReadModelDatabase;
    /**
     * The file, when `database` is a sqlite file: the writes then go to a thread of their own while
     * this one reads and plans, which keeps both cores busy.
     */
    readonly sqliteFile?: string;
    readonly onStart?: (head: number) => void;
    readonly onProgress?: (progress: RebuildProgress) => void;
}
/**
 * Drops every read model and its checkpoint, and applies the log again from position zero up to
 * the newest event at the start, with the projections and batch planning the service's projector
 * runs. The tables' indexes are made once their rows are in: one sort per index costs far less
 * than keeping it ordered row by row (a third of the time, for the access trail's). The service
 * must not be running on the same database meanwhile; should the rebuild stop half-way, the
 * service makes the missing indexes when it starts.
 */
export declare function rebuildReadModels(options: RebuildOptions): Promise<RebuildOutcome>;
//# sourceMappingURL=read-model-rebuild.d.ts.map