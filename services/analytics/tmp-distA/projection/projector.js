import { setTimeout as sleep } from 'node:timers/promises';
import { planBatch } from './batch.plan.js';
import { EventBatcher } from './event-batcher.js';
/**
 * The whole log: the access trail records every event, whatever its stream (intake's, case
 * tracking's, notification's, the reads of personal data); the other read models pick the
 * incident and case events themselves.
 */
export const ANALYTICS_EVENT_FILTER = {};
const DEFAULT_MAX_BATCH = 2_000;
const MAX_REOPEN_DELAY_MS = 30_000;
/**
 * Feeds the read models from the event log: a catch-up subscription (every stream, position
 * order) from the lowest checkpoint, in batches of one transaction each, in which every
 * projection skips what it already applied and moves its checkpoint with its rows. A failed
 * subscription or write is retried from the checkpoints with a growing delay.
 */
export class Projector {
    constructor(options) {
        this.options = options;
        this.stopping = new AbortController();
        this.applied = -1;
        this.checkpoints = new Map();
        this.waiters = [];
    }
    /** The last position every read model has applied (-1 before the first event). */
    get position() {
        return this.applied;
    }
    /** The last position each read model has applied. */
    projectionPositions() {
        return new Map(this.options.readModels.map(({ projection }) => [projection.name, this.checkpoints.get(projection.name) ?? -1]));
    }
    /** Loads the checkpoints and starts following the log; returns at once. */
    async start() {
        await this.loadCheckpoints();
        this.loop = this.follow();
    }
    /** Resolves once every read model has applied the event at `position` (or a later one). */
    whenReached(position) {
        if (this.applied >= position)
            return Promise.resolve();
        return new Promise((resolve) => this.waiters.push({ position, resolve }));
    }
    /** Stops reading; the batch being written is finished first. */
    async stop() {
        this.stopping.abort();
        await this.subscription?.close().catch(() => undefined);
        await this.loop;
    }
    async loadCheckpoints() {
        const stored = await this.options.database.readCheckpoints();
        for (const { projection } of this.options.readModels) {
            this.checkpoints.set(projection.name, stored.get(projection.name) ?? -1);
        }
        this.applied = Math.min(...this.checkpoints.values());
    }
    async follow() {
        const maxBatch = this.options.maxBatchSize ?? DEFAULT_MAX_BATCH;
        for (let failures = 0; !this.stopping.signal.aborted; failures += 1) {
            const from = this.applied < 0 ? 'start' : this.applied;
            const subscription = this.options.store.subscribeToAll({ fromPosition: from, filter: ANALYTICS_EVENT_FILTER });
            this.subscription = subscription;
            // A failed write ends the subscription, so that the loop below sees it even while it waits.
            const batcher = new EventBatcher(maxBatch, (batch) => this.runBatch(() => this.apply(batch)), () => void subscription.close().catch(() => undefined));
            try {
                for await (const event of subscription) {
                    if (batcher.add(event))
                        await batcher.flush();
                    failures = 0;
                }
                await batcher.flush();
                batcher.throwIfFailed();
            }
            catch (error) {
                if (!this.stopping.signal.aborted)
                    this.options.onError?.(error);
                await this.loadCheckpoints().catch(() => undefined);
            }
            finally {
                await subscription.close().catch(() => undefined);
            }
            if (this.stopping.signal.aborted)
                return;
            const delay = Math.min(250 * 2 ** failures, MAX_REOPEN_DELAY_MS);
            await sleep(delay, undefined, { signal: this.stopping.signal }).catch(() => undefined);
        }
    }
    runBatch(work) {
        return this.options.runBatch ? this.options.runBatch(work) : work();
    }
    async apply(events) {
        const plan = await this.options.database.writeBatch((checkpoints) => planBatch(this.options.readModels, events, checkpoints));
        for (const outcome of plan.outcomes)
            this.checkpoints.set(outcome.name, outcome.lastPosition);
        const last = events.at(-1)?.position ?? this.applied;
        this.applied = Math.max(this.applied, Math.min(last, ...this.checkpoints.values()));
        this.options.onBatch?.(events, plan);
        this.wakeWaiters();
    }
    wakeWaiters() {
        const reached = this.waiters.filter((waiter) => waiter.position <= this.applied);
        if (reached.length === 0)
            return;
        this.waiters = this.waiters.filter((waiter) => waiter.position > this.applied);
        for (const waiter of reached)
            waiter.resolve();
    }
}
//# sourceMappingURL=projector.js.map