import type { ReadModelDatabase } from './read-model-database.js';
import { type BatchWrite, type ReadModelTable, type SqlValue } from './read-model-table.js';
/** `?` placeholders, as the read-model SQL is written, to PostgreSQL's `$1, $2, ...`. */
export declare function toNumberedPlaceholders(sql: string): string;
/**
 * Read models in a PostgreSQL schema of their own. Positions and counts come back as numbers
 * (exact up to 2^53, like the event store's positions).
 */
export declare class PostgresReadModelDatabase implements ReadModelDatabase {
    private readonly pool;
    readonly kind = "postgres";
    private constructor();
    static connect(connectionString: string, schema: string): Promise<PostgresReadModelDatabase>;
    createTables(tables: readonly ReadModelTable[]): Promise<void>;
    dropTables(tables: readonly ReadModelTable[]): Promise<void>;
    readCheckpoints(): Promise<Map<string, number>>;
    writeBatch<Write extends BatchWrite>(plan: (checkpoints: ReadonlyMap<string, number>) => Write): Promise<Write>;
    query<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
    queryArrays(sql: string, params?: readonly SqlValue[]): Promise<SqlValue[][]>;
    close(): Promise<void>;
    private inTransaction;
}
//# sourceMappingURL=postgres-read-model-database.d.ts.map