import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ReadModelDatabase } from './read-model-database.js';
import {
  CHECKPOINT_TABLE,
  createTableStatements,
  deleteCheckpointsStatement,
  hasColumnsOf,
  insertStatement,
  UPSERT_CHECKPOINT_SQL,
  type BatchWrite,
  type ReadModelTable,
  type SqlValue,
  type TableRows,
} from './read-model-table.js';

const TYPE_NAMES = { text: 'TEXT', integer: 'INTEGER', bigint: 'INTEGER' } as const;
// SQLite binds at most 32766 parameters per statement; a few hundred rows per insert is plenty.
const MAX_PARAMETERS_PER_INSERT = 2_000;

/**
 * Read models in one SQLite file (WAL). `synchronous=NORMAL`: a power cut may lose the last
 * batches, but never splits one from its checkpoint, and the projector re-applies them from the log.
 */
export class SqliteReadModelDatabase implements ReadModelDatabase {
  readonly kind = 'sqlite';
  private readonly inserts = new Map<string, Database.Statement<[SqlValue[]]>>();

  private constructor(private readonly db: Database.Database) {}

  static open(file: string): SqliteReadModelDatabase {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // A rebuild writes hundreds of megabytes: 128 MiB of page cache rather than 2, and the WAL
    // folded into the file every 64 MiB rather than every 4 (each fold is a sync).
    db.pragma('cache_size = -131072');
    db.pragma('wal_autocheckpoint = 16384');
    return new SqliteReadModelDatabase(db);
  }

  async createTables(tables: readonly ReadModelTable[]): Promise<void> {
    const statements = [CHECKPOINT_TABLE, ...tables].flatMap((table) =>
      createTableStatements(table, TYPE_NAMES, { withoutRowId: table.primaryKey.length > 1 }),
    );
    this.db.transaction(() => statements.forEach((statement) => this.db.exec(statement))).immediate();
  }

  async dropReadModels(tables: readonly ReadModelTable[], projections: readonly string[]): Promise<void> {
    this.inserts.clear();
    this.db
      .transaction(() => {
        for (const table of tables) this.db.exec(`DROP TABLE IF EXISTS ${table.name}`);
        for (const statement of createTableStatements(CHECKPOINT_TABLE, TYPE_NAMES)) this.db.exec(statement);
        if (projections.length > 0) this.db.prepare(deleteCheckpointsStatement(projections.length)).run(...projections);
      })
      .immediate();
  }

  async outdatedTables(tables: readonly ReadModelTable[]): Promise<ReadModelTable[]> {
    return tables.filter((table) => {
      const described = this.db.pragma(`table_info(${table.name})`) as { name: string; type: string; notnull: number }[];
      const stored = described.map(({ name, type, notnull }) => ({ name, type, nullable: notnull === 0 }));
      return stored.length > 0 && !hasColumnsOf(table, stored, TYPE_NAMES);
    });
  }

  async readCheckpoints(): Promise<Map<string, number>> {
    return this.checkpointsNow();
  }

  async writeBatch<Write extends BatchWrite>(plan: (checkpoints: ReadonlyMap<string, number>) => Write): Promise<Write> {
    return this.db
      .transaction(() => {
        const write = plan(this.checkpointsNow());
        for (const rows of write.tables) this.insertRows(rows);
        const upsert = this.db.prepare<[string, number]>(UPSERT_CHECKPOINT_SQL);
        for (const [projection, position] of write.checkpoints) upsert.run(projection, position);
        return write;
      })
      .immediate();
  }

  async query<Row>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.db.prepare<SqlValue[], Row>(sql).all(...params);
  }

  async queryArrays(sql: string, params: readonly SqlValue[] = []): Promise<SqlValue[][]> {
    return this.db.prepare<SqlValue[], SqlValue[]>(sql).raw(true).all(...params);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private checkpointsNow(): Map<string, number> {
    const rows = this.db
      .prepare<[], { projection: string; position: number }>(`SELECT projection, position FROM ${CHECKPOINT_TABLE.name}`)
      .all();
    return new Map(rows.map((row) => [row.projection, row.position]));
  }

  /** Many rows per statement: a rebuild spends less in the driver than one row per call would. */
  private insertRows({ table, values }: TableRows): void {
    const width = table.columns.length;
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS_PER_INSERT / width));
    const rows = values.length / width;
    for (let start = 0; start < rows; start += perStatement) {
      const count = Math.min(perStatement, rows - start);
      this.insertFor(table, count).run(values.slice(start * width, (start + count) * width));
    }
  }

  private insertFor(table: ReadModelTable, rowCount: number): Database.Statement<[SqlValue[]]> {
    const key = `${table.name}:${rowCount}`;
    let statement = this.inserts.get(key);
    if (!statement) {
      statement = this.db.prepare<SqlValue[][]>(insertStatement(table, rowCount));
      this.inserts.set(key, statement);
    }
    return statement;
  }
}
