/** What an event that concerns a projection not at all gives: one shared empty list, not a new one per event. */
export const NO_ROWS = Object.freeze([]);
export function emptyRowReadModel() {
    return { lastPosition: -1, rows: {} };
}
/**
 * The meaning of a row projection, which the database adapters implement in SQL: an event at or
 * before the last applied position changes nothing; any other adds its rows (a key already
 * present keeps its row) and becomes the last applied position.
 */
export function evolveRowReadModel(projection) {
    return (state, event) => {
        if (event.position <= state.lastPosition)
            return state;
        const added = projection.rowsOf(event).filter((row) => !(projection.keyOf(row) in state.rows));
        const rows = added.length === 0 ? state.rows : { ...state.rows, ...Object.fromEntries(added.map((row) => [projection.keyOf(row), row])) };
        return { lastPosition: event.position, rows };
    };
}
//# sourceMappingURL=row.projection.js.map