// The writing half of a rebuild of a sqlite read-model file: commits the batches the reading
// thread planned, in order, so that reading the log and writing the read models use both cores.
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchWrite } from '../read-model/read-model-table.js';
import { SqliteReadModelDatabase } from '../read-model/sqlite-read-model-database.js';

/** A batch planned against `expected` checkpoints: written only if they are still those stored. */
export interface BatchWriteRequest {
  readonly id: number;
  readonly expected: ReadonlyMap<string, number>;
  readonly write: BatchWrite;
}

export interface BatchWriteReply {
  readonly id: number;
  readonly error?: string;
}

const database = SqliteReadModelDatabase.open((workerData as { readonly file: string }).file);

parentPort?.on('message', (request: BatchWriteRequest | 'close') => {
  if (request === 'close') {
    void database.close().then(() => parentPort?.close());
    return;
  }
  database
    .writeBatch((stored) => {
      for (const [projection, position] of request.expected) {
        const actual = stored.get(projection) ?? -1;
        if (actual !== position) throw new Error(`${projection} stands at ${actual}, not ${position}: another writer is at work`);
      }
      return request.write;
    })
    .then(
      () => parentPort?.postMessage({ id: request.id } satisfies BatchWriteReply),
      (error: unknown) =>
        parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies BatchWriteReply),
    );
});
