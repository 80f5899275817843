import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
export class ReadModelWriteError extends Error {
    constructor() {
        super(...arguments);
        this.name = 'ReadModelWriteError';
    }
}
/** A writer thread for one read-model sqlite file: batches are committed in the order they are sent. */
export class ThreadedBatchWriter {
    constructor(file) {
        this.pending = new Map();
        this.nextId = 0;
        this.worker = new Worker(new URL('./batch-writer.worker.js', import.meta.url), { workerData: { file } });
        this.worker.on('message', (reply) => {
            const waiting = this.pending.get(reply.id);
            this.pending.delete(reply.id);
            if (reply.error === undefined)
                waiting?.resolve();
            else
                waiting?.reject(new ReadModelWriteError(reply.error));
        });
        this.worker.on('error', (error) => {
            for (const waiting of this.pending.values())
                waiting.reject(error);
            this.pending.clear();
        });
    }
    /** Resolves once the batch is committed; rejects if the stored checkpoints are not `expected`. */
    write(expected, write) {
        const request = { id: this.nextId++, expected, write: { tables: write.tables, checkpoints: write.checkpoints } };
        return new Promise((resolve, reject) => {
            this.pending.set(request.id, { resolve, reject });
            this.worker.postMessage(request);
        });
    }
    async close() {
        const exited = once(this.worker, 'exit');
        this.worker.postMessage('close');
        await exited;
    }
}
//# sourceMappingURL=threaded-batch-writer.js.map