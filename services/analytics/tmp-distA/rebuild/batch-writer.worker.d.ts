import type { BatchWrite } from '../read-model/read-model-table.js';
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
//# sourceMappingURL=batch-writer.worker.d.ts.map