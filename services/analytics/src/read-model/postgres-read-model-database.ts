import pg from 'pg';
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

const TYPE_NAMES = { text: 'text', integer: 'integer', bigint: 'bigint' } as const;
// PostgreSQL allows 65535 parameters per statement; stay well below.
const MAX_PARAMETERS_PER_INSERT = 30_000;
const INT8_OID = 20;

/** `?` placeholders, as the read-model SQL is written, to PostgreSQL's `$1, $2, ...`. */
export function toNumberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * Read models in a PostgreSQL schema of their own. Positions and counts come back as numbers
 * (exact up to 2^53, like the event store's positions).
 */
export class PostgresReadModelDatabase implements ReadModelDatabase {
  readonly kind = 'postgres';

  private constructor(private readonly pool: pg.Pool) {}

  static async connect(connectionString: string, schema: string): Promise<PostgresReadModelDatabase> {
    const setup = new pg.Client({ connectionString });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
    const pool = new pg.Pool({
      connectionString,
      max: 4,
      options: `-c search_path=${schema}`,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    return new PostgresReadModelDatabase(pool);
  }

  async createTables(tables: readonly ReadModelTable[]): Promise<void> {
    const statements = [CHECKPOINT_TABLE, ...tables].flatMap((table) => createTableStatements(table, TYPE_NAMES));
    await this.inTransaction(async (client) => {
      for (const statement of statements) await client.query(statement);
    });
  }

  async dropReadModels(tables: readonly ReadModelTable[], projections: readonly string[]): Promise<void> {
    await this.inTransaction(async (client) => {
      for (const table of tables) await client.query(`DROP TABLE IF EXISTS ${table.name}`);
      for (const statement of createTableStatements(CHECKPOINT_TABLE, TYPE_NAMES)) await client.query(statement);
      if (projections.length > 0) await client.query(deleteCheckpointsStatement(projections.length, (n) => `$${n}`), [...projections]);
    });
  }

  async outdatedTables(tables: readonly ReadModelTable[]): Promise<ReadModelTable[]> {
    const { rows } = await this.pool.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
      'SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns ' +
        'WHERE table_schema = current_schema() AND table_name = ANY($1)',
      [tables.map((table) => table.name)],
    );
    return tables.filter((table) => {
      const stored = rows
        .filter((row) => row.table_name === table.name)
        .map((row) => ({ name: row.column_name, type: row.data_type, nullable: row.is_nullable === 'YES' }));
      return stored.length > 0 && !hasColumnsOf(table, stored, TYPE_NAMES);
    });
  }

  async readCheckpoints(): Promise<Map<string, number>> {
    return checkpointsOf(await this.pool.query(`SELECT projection, position FROM ${CHECKPOINT_TABLE.name}`));
  }

  async writeBatch<Write extends BatchWrite>(plan: (checkpoints: ReadonlyMap<string, number>) => Write): Promise<Write> {
    return this.inTransaction(async (client) => {
      // One writer at a time (replicas sharing the database included); readers are not blocked.
      await client.query(`LOCK TABLE ${CHECKPOINT_TABLE.name} IN SHARE ROW EXCLUSIVE MODE`);
      const write = plan(checkpointsOf(await client.query(`SELECT projection, position FROM ${CHECKPOINT_TABLE.name}`)));
      for (const rows of write.tables) await insertRows(client, rows);
      for (const [projection, position] of write.checkpoints) {
        await client.query(toNumberedPlaceholders(UPSERT_CHECKPOINT_SQL), [projection, position]);
      }
      return write;
    });
  }

  async query<Row>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    const result = await this.pool.query(toNumberedPlaceholders(sql), [...params]);
    return result.rows as Row[];
  }

  async queryArrays(sql: string, params: readonly SqlValue[] = []): Promise<SqlValue[][]> {
    const result = await this.pool.query({ text: toNumberedPlaceholders(sql), values: [...params], rowMode: 'array' });
    return result.rows as SqlValue[][];
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

async function insertRows(client: pg.PoolClient, { table, values }: TableRows): Promise<void> {
  const width = table.columns.length;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS_PER_INSERT / width));
  const rows = values.length / width;
  for (let start = 0; start < rows; start += perStatement) {
    const count = Math.min(perStatement, rows - start);
    await client.query(insertStatement(table, count, (n) => `$${n}`), values.slice(start * width, (start + count) * width));
  }
}

function checkpointsOf(result: pg.QueryResult): Map<string, number> {
  return new Map(result.rows.map((row: { projection: string; position: number }) => [row.projection, Number(row.position)]));
}
