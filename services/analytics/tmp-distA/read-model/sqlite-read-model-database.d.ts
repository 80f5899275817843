import type { ReadModelDatabase } from './read-model-database.js';
import { type BatchWrite, type ReadModelTable, type SqlValue } from './read-model-table.js';
/**
 * Read models in one SQLite file (WAL). `synchronous=NORMAL`: a power cut may lose the last
 * batches, but never splits one from its checkpoint, and the projector re-applies them from the log.
 */
export declare class SqliteReadModelDatabase implements ReadModelDatabase {
    private readonly db;
    readonly kind = "sqlite";
    private readonly inserts;
    private constructor();
    static open(file: string): SqliteReadModelDatabase;
    createTables(tables: readonly ReadModelTable[]): Promise<void>;
    dropTables(tables: readonly ReadModelTable[]): Promise<void>;
    readCheckpoints(): Promise<Map<string, number>>;
    writeBatch<Write extends BatchWrite>(plan: (checkpoints: ReadonlyMap<string, number>) => Write): Promise<Write>;
    query<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
    queryArrays(sql: string, params?: readonly SqlValue[]): Promise<SqlValue[][]>;
    close(): Promise<void>;
    private checkpointsNow;
    /** Many rows per statement: a rebuild spends less in the driver than one row per call would. */
    private insertRows;
    private insertFor;
}
//# sourceMappingURL=sqlite-read-model-database.d.ts.map