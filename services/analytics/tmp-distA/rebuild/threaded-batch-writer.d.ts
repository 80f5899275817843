import type { BatchWrite } from '../read-model/read-model-table.js';
export declare class ReadModelWriteError extends Error {
    readonly name = "ReadModelWriteError";
}
/** A writer thread for one read-model sqlite file: batches are committed in the order they are sent. */
export declare class ThreadedBatchWriter {
    private readonly worker;
    private readonly pending;
    private nextId;
    constructor(file: string);
    /** Resolves once the batch is committed; rejects if the stored checkpoints are not `expected`. */
    write(expected: ReadonlyMap<string, number>, write: BatchWrite): Promise<void>;
    close(): Promise<void>;
}
//# sourceMappingURL=threaded-batch-writer.d.ts.map