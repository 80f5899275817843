// The writing half of a rebuild of a sqlite read-model file: commits the batches the reading
// thread planned, in order, so that reading the log and writing the read models use both cores.
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteReadModelDatabase } from '../read-model/sqlite-read-model-database.js';
const database = SqliteReadModelDatabase.open(workerData.file);
parentPort?.on('message', (request) => {
    if (request === 'close') {
        void database.close().then(() => parentPort?.close());
        return;
    }
    database
        .writeBatch((stored) => {
        for (const [projection, position] of request.expected) {
            const actual = stored.get(projection) ?? -1;
            if (actual !== position)
                throw new Error(`${projection} stands at ${actual}, not ${position}: another writer is at work`);
        }
        return request.write;
    })
        .then(() => parentPort?.postMessage({ id: request.id }), (error) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }));
});
//# sourceMappingURL=batch-writer.worker.js.map