import type { EventStore } from '@bluehelm/event-store';
/**
 * Applies the log from position zero up to `head` to the freshly created read models of a sqlite
 * file, reading and planning here (the projector's own planBatch) while a writer thread commits.
 * A rebuild is the one writer of its file, so each batch is planned against the checkpoints the
 * previous one leaves; the writer checks that they are. Answers the number of events applied.
 */
export declare function rebuildThreaded(store: EventStore, file: string, head: number, onCommitted: (lastPosition: number, events: number) => void): Promise<number>;
//# sourceMappingURL=threaded-rebuild.d.ts.map