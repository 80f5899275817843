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

export function rowCountOf({ table, values }: TableRows): number {
  return values.length / table.columns.length;
}

/** What one transaction writes: rows, and the new checkpoint of each projection it advanced. */
export interface BatchWrite {
  readonly tables: readonly TableRows[];
  readonly checkpoints: ReadonlyMap<string, number>;
}

/** Where each projection keeps the position of the last event it applied. */
export const CHECKPOINT_TABLE: ReadModelTable = {
  name: 'projection_checkpoints',
  columns: [
    { name: 'projection', type: 'text' },
    { name: 'position', type: 'bigint' },
  ],
  primaryKey: ['projection'],
};

/** A column of a table as the database describes it. */
export interface StoredColumn {
  readonly name: string;
  /** The type name the database reports, in any case. */
  readonly type: string;
  readonly nullable: boolean;
}

/** Whether a stored table has exactly the table's columns, with their types and nullability. */
export function hasColumnsOf(
  table: ReadModelTable,
  stored: readonly StoredColumn[],
  typeNames: { readonly [T in ColumnType]: string },
): boolean {
  const byName = new Map(stored.map((column) => [column.name, column]));
  return (
    stored.length === table.columns.length &&
    table.columns.every((column) => {
      const found = byName.get(column.name);
      return (
        found !== undefined &&
        found.type.toLowerCase() === typeNames[column.type].toLowerCase() &&
        found.nullable === (column.nullable ?? false)
      );
    })
  );
}

/** Forgets the checkpoints of `count` projections, named as parameters. */
export function deleteCheckpointsStatement(count: number, placeholder: (n: number) => string = () => '?'): string {
  const names = Array.from({ length: count }, (_, n) => placeholder(n + 1)).join(', ');
  return `DELETE FROM ${CHECKPOINT_TABLE.name} WHERE projection IN (${names})`;
}

/** The table as it stands before its indexes are made. */
export function withoutIndexes({ indexes: _indexes, ...table }: ReadModelTable): ReadModelTable {
  return table;
}

export function createTableStatements(
  table: ReadModelTable,
  typeNames: { readonly [T in ColumnType]: string },
  options: { readonly withoutRowId?: boolean } = {},
): string[] {
  const columns = table.columns.map(
    (column) => `${column.name} ${typeNames[column.type]}${column.nullable ? '' : ' NOT NULL'}`,
  );
  // SQLite: a table keyed by several columns is best stored in its key's own order, without a rowid.
  const suffix = options.withoutRowId ? ' WITHOUT ROWID' : '';
  const create = `CREATE TABLE IF NOT EXISTS ${table.name} (${columns.join(', ')}, PRIMARY KEY (${table.primaryKey.join(', ')}))${suffix}`;
  const indexes = (table.indexes ?? []).map(
    (columnsOfIndex) =>
      `CREATE INDEX IF NOT EXISTS ${table.name}_${columnsOfIndex.join('_')} ON ${table.name} (${columnsOfIndex.join(', ')})`,
  );
  return [create, ...indexes];
}

export function insertStatement(table: ReadModelTable, rowCount = 1, placeholder: (n: number) => string = () => '?'): string {
  const width = table.columns.length;
  const values = Array.from(
    { length: rowCount },
    (_, row) => `(${Array.from({ length: width }, (_, column) => placeholder(row * width + column + 1)).join(', ')})`,
  );
  return `INSERT INTO ${table.name} (${table.columns.map((column) => column.name).join(', ')}) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`;
}

export const UPSERT_CHECKPOINT_SQL =
  `INSERT INTO ${CHECKPOINT_TABLE.name} (projection, position) VALUES (?, ?) ` +
  'ON CONFLICT (projection) DO UPDATE SET position = excluded.position';
