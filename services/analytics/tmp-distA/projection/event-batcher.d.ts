/**
 * Gathers items into batches for one writer: items that arrive together (a page of history) go
 * together, up to `maxSize`; when the event loop goes idle (the source is waiting for live
 * events), what is gathered is written at once rather than held back for a batch to fill.
 * Batches are written one after another, in order.
 */
export declare class EventBatcher<Item> {
    private readonly maxSize;
    private readonly write;
    /** Told of a failed write: the caller stops feeding and reads `failed` (see `throwIfFailed`). */
    private readonly onFailure;
    private buffer;
    private writing;
    private idleFlushScheduled;
    private failure;
    constructor(maxSize: number, write: (batch: Item[]) => Promise<void>, 
    /** Told of a failed write: the caller stops feeding and reads `failed` (see `throwIfFailed`). */
    onFailure?: (error: unknown) => void);
    /** Adds an item; true when the batch is full and the caller should `await flush()` before adding more. */
    add(item: Item): boolean;
    /** Writes what is gathered, after the writes already under way; rejects if any of them failed. */
    flush(): Promise<void>;
    /** Rethrows the first failed write, if there was one. */
    throwIfFailed(): void;
}
//# sourceMappingURL=event-batcher.d.ts.map