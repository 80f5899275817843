export function rowCountOf({ table, values }) {
    return values.length / table.columns.length;
}
/** Where each projection keeps the position of the last event it applied. */
export const CHECKPOINT_TABLE = {
    name: 'projection_checkpoints',
    columns: [
        { name: 'projection', type: 'text' },
        { name: 'position', type: 'bigint' },
    ],
    primaryKey: ['projection'],
};
/** The table as it stands before its indexes are made. */
export function withoutIndexes({ indexes: _indexes, ...table }) {
    return table;
}
export function createTableStatements(table, typeNames, options = {}) {
    const columns = table.columns.map((column) => `${column.name} ${typeNames[column.type]}${column.nullable ? '' : ' NOT NULL'}`);
    // SQLite: a table keyed by several columns is best stored in its key's own order, without a rowid.
    const suffix = options.withoutRowId ? ' WITHOUT ROWID' : '';
    const create = `CREATE TABLE IF NOT EXISTS ${table.name} (${columns.join(', ')}, PRIMARY KEY (${table.primaryKey.join(', ')}))${suffix}`;
    const indexes = (table.indexes ?? []).map((columnsOfIndex) => `CREATE INDEX IF NOT EXISTS ${table.name}_${columnsOfIndex.join('_')} ON ${table.name} (${columnsOfIndex.join(', ')})`);
    return [create, ...indexes];
}
export function insertStatement(table, rowCount = 1, placeholder = () => '?') {
    const width = table.columns.length;
    const values = Array.from({ length: rowCount }, (_, row) => `(${Array.from({ length: width }, (_, column) => placeholder(row * width + column + 1)).join(', ')})`);
    return `INSERT INTO ${table.name} (${table.columns.map((column) => column.name).join(', ')}) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`;
}
export const UPSERT_CHECKPOINT_SQL = `INSERT INTO ${CHECKPOINT_TABLE.name} (projection, position) VALUES (?, ?) ` +
    'ON CONFLICT (projection) DO UPDATE SET position = excluded.position';
//# sourceMappingURL=read-model-table.js.map