/** The position of the newest event the filter selects, or -1 when there is none. */
export async function headPositionOf(store, filter) {
    for await (const newest of store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1, filter })) {
        return newest.position;
    }
    return -1;
}
//# sourceMappingURL=log-head.js.map