/** A value as the read-model tables hold it: booleans are 0/1, dates are ISO text. */
export type SqlValue = string | number | null;
export type ColumnType = 'text' | 'integer' | 'bigint';
export interface ReadModelColumn {
    readonly name: string;
    readonly type: ColumnType;
    readonly nullable?: boolean;
}
/**
 * A read-model table as both adapters create it. Rows are written with `ON CONFLICT DO NOTHING`
 * on the primary key, so writing a row that is already there changes nothing.
 */
export interface ReadModelTable {
    readonly name: string;
    readonly columns: readonly ReadModelColumn[];
    readonly primaryKey: readonly string[];
    readonly indexes?: readonly (readonly string[])[];
}
/**
 * The rows a batch adds to one table, flattened: the values of the first row in the order of the
 * table's columns, then those of the second, and so on (one array, not one per row, since a
 * rebuild writes hundreds of thousands of rows).
 */
export interface TableRows {
    readonly table: ReadModelTable;
    readonly values: readonly SqlValue[];
}
export declare function rowCountOf({ table, values }: TableRows): number;
/** What one transaction writes: rows, and the new checkpoint of each projection it advanced. */
export interface BatchWrite {
    readonly tables: readonly TableRows[];
    readonly checkpoints: ReadonlyMap<string, number>;
}
/** Where each projection keeps the position of the last event it applied. */
export declare const CHECKPOINT_TABLE: ReadModelTable;
/** The table as it stands before its indexes are made. */
export declare function withoutIndexes({ indexes: _indexes, ...table }: ReadModelTable): ReadModelTable;
export declare function createTableStatements(table: ReadModelTable, typeNames: {
    readonly [T in ColumnType]: string;
}, options?: {
    readonly withoutRowId?: boolean;
}): string[];
export declare function insertStatement(table: ReadModelTable, rowCount?: number, placeholder?: (n: number) => string): string;
export declare const UPSERT_CHECKPOINT_SQL: string;
//# sourceMappingURL=read-model-table.d.ts.map