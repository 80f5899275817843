/**
 * Gathers items into batches for one writer: items that arrive together (a page of history) go
 * together, up to `maxSize`; when the event loop goes idle (the source is waiting for live
 * events), what is gathered is written at once rather than held back for a batch to fill.
 * Batches are written one after another, in order.
 */
export class EventBatcher {
    constructor(maxSize, write, 
    /** Told of a failed write: the caller stops feeding and reads `failed` (see `throwIfFailed`). */
    onFailure = () => undefined) {
        this.maxSize = maxSize;
        this.write = write;
        this.onFailure = onFailure;
        this.buffer = [];
        this.writing = Promise.resolve();
        this.idleFlushScheduled = false;
    }
    /** Adds an item; true when the batch is full and the caller should `await flush()` before adding more. */
    add(item) {
        this.buffer.push(item);
        if (this.buffer.length >= this.maxSize)
            return true;
        if (!this.idleFlushScheduled) {
            this.idleFlushScheduled = true;
            setImmediate(() => {
                this.idleFlushScheduled = false;
                this.flush().catch(() => undefined);
            });
        }
        return false;
    }
    /** Writes what is gathered, after the writes already under way; rejects if any of them failed. */
    flush() {
        const batch = this.buffer;
        this.buffer = [];
        if (batch.length > 0 && this.failure === undefined) {
            this.writing = this.writing.then(() => this.write(batch));
            this.writing.catch((error) => {
                if (this.failure !== undefined)
                    return;
                this.failure = { error };
                this.onFailure(error);
            });
        }
        return this.writing;
    }
    /** Rethrows the first failed write, if there was one. */
    throwIfFailed() {
        if (this.failure !== undefined)
            throw this.failure.error;
    }
}
//# sourceMappingURL=event-batcher.js.map