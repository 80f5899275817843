import type { ReadModelTable, SqlValue } from '../read-model/read-model-table.js';
import type { RowProjection } from './row.projection.js';
/** A row projection with the table that holds its rows. */
export interface ReadModelBinding<Row> {
    readonly projection: RowProjection<Row>;
    readonly table: ReadModelTable;
    /** Appends the row's values, in the order of the table's columns, to a batch's values. */
    appendValues(row: Row, values: SqlValue[]): void;
}
/** Lets bindings of different row types share one list. */
export type AnyReadModelBinding = ReadModelBinding<never>;
export declare function bindReadModel<Row>(binding: ReadModelBinding<Row>): AnyReadModelBinding;
//# sourceMappingURL=read-model.binding.d.ts.map