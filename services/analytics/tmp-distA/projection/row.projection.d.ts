import type { LogEvent } from './log-event.js';
/**
 * A read model made of rows, each derived from one event of the log and identified by a key,
 * so that deriving a row again adds nothing. `rowsOf` is pure: no I/O, no clock.
 */
export interface RowProjection<Row> {
    /** The checkpoint name. */
    readonly name: string;
    rowsOf(event: LogEvent): readonly Row[];
    keyOf(row: Row): string;
}
/** What an event that concerns a projection not at all gives: one shared empty list, not a new one per event. */
export declare const NO_ROWS: readonly never[];
/** A row read model in memory: the rows by key, and the position of the last event applied. */
export interface RowReadModel<Row> {
    readonly lastPosition: number;
    readonly rows: Readonly<Record<string, Row>>;
}
export declare function emptyRowReadModel<Row>(): RowReadModel<Row>;
/**
 * The meaning of a row projection, which the database adapters implement in SQL: an event at or
 * before the last applied position changes nothing; any other adds its rows (a key already
 * present keeps its row) and becomes the last applied position.
 */
export declare function evolveRowReadModel<Row>(projection: RowProjection<Row>): (state: RowReadModel<Row>, event: LogEvent) => RowReadModel<Row>;
//# sourceMappingURL=row.projection.d.ts.map