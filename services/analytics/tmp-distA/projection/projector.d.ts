import type { EventFilter, EventStore, RecordedEvent } from '@bluehelm/event-store';
import type { ReadModelDatabase } from '../read-model/read-model-database.js';
import { type BatchPlan } from './batch.plan.js';
import type { AnyReadModelBinding } from './read-model.binding.js';
/**
 * The whole log: the access trail records every event, whatever its stream (intake's, case
 * tracking's, notification's, the reads of personal data); the other read models pick the
 * incident and case events themselves.
 */
export declare const ANALYTICS_EVENT_FILTER: EventFilter;
export interface ProjectorOptions {
    readonly store: EventStore;
    readonly database: ReadModelDatabase;
    readonly readModels: readonly AnyReadModelBinding[];
    /** Events per transaction at most. */
    readonly maxBatchSize?: number;
    /** Called after each batch is committed, batches in log order. */
    readonly onBatch?: (events: readonly RecordedEvent[], plan: BatchPlan) => void;
    /** Wraps each batch, e.g. to count it as work in flight during shutdown. */
    readonly runBatch?: (work: () => Promise<void>) => Promise<void>;
    readonly onError?: (error: unknown) => void;
}
/**
 * Feeds the read models from the event log: a catch-up subscription (every stream, position
 * order) from the lowest checkpoint, in batches of one transaction each, in which every
 * projection skips what it already applied and moves its checkpoint with its rows. A failed
 * subscription or write is retried from the checkpoints with a growing delay.
 */
export declare class Projector {
    private readonly options;
    private readonly stopping;
    private subscription;
    private loop;
    private applied;
    private readonly checkpoints;
    private waiters;
    constructor(options: ProjectorOptions);
    /** The last position every read model has applied (-1 before the first event). */
    get position(): number;
    /** The last position each read model has applied. */
    projectionPositions(): ReadonlyMap<string, number>;
    /** Loads the checkpoints and starts following the log; returns at once. */
    start(): Promise<void>;
    /** Resolves once every read model has applied the event at `position` (or a later one). */
    whenReached(position: number): Promise<void>;
    /** Stops reading; the batch being written is finished first. */
    stop(): Promise<void>;
    private loadCheckpoints;
    private follow;
    private runBatch;
    private apply;
    private wakeWaiters;
}
//# sourceMappingURL=projector.d.ts.map