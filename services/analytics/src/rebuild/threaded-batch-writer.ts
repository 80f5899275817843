import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { BatchWrite } from '../read-model/read-model-table.js';
import type { BatchWriteReply, BatchWriteRequest } from './batch-writer.worker.js';

export class ReadModelWriteError extends Error {
  override readonly name = 'ReadModelWriteError';
}

/** A writer thread for one read-model sqlite file: batches are committed in the order they are sent. */
export class ThreadedBatchWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { readonly resolve: () => void; readonly reject: (error: Error) => void }>();
  private nextId = 0;

  constructor(file: string) {
    this.worker = new Worker(new URL('./batch-writer.worker.js', import.meta.url), { workerData: { file } });
    this.worker.on('message', (reply: BatchWriteReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.error === undefined) waiting?.resolve();
      else waiting?.reject(new ReadModelWriteError(reply.error));
    });
    this.worker.on('error', (error) => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    });
  }

  /** Resolves once the batch is committed; rejects if the stored checkpoints are not `expected`. */
  write(expected: ReadonlyMap<string, number>, write: BatchWrite): Promise<void> {
    const request: BatchWriteRequest = { id: this.nextId++, expected, write: { tables: write.tables, checkpoints: write.checkpoints } };
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const exited = once(this.worker, 'exit');
    this.worker.postMessage('close');
    await exited;
  }
}
