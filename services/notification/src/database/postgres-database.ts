import pg from 'pg';
import { InvalidNotificationDatabaseUrlError, type SqlDatabase, type SqlExecutor, type SqlRow, type SqlValue } from './sql-database.js';

const DEFAULT_SCHEMA = 'notification';

/** `?` placeholders become `$1, $2, ...`; the service's statements hold no `?` inside literals. */
function numbered(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

function executorOf(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    query: async <Row extends SqlRow>(sql: string, params: readonly SqlValue[] = []) =>
      (await client.query(numbered(sql), [...params])).rows as Row[],
    execute: async (sql: string, params: readonly SqlValue[] = []) =>
      (await client.query(numbered(sql), [...params])).rowCount ?? 0,
  };
}

/**
 * The notification tables in a schema of their own (`?schema=` in the URL, default
 * `notification`), so that the service can share a server with the event store.
 */
export class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgres';
  private readonly direct: SqlExecutor;

  static async connect(url: string): Promise<PostgresDatabase> {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? DEFAULT_SCHEMA;
    if (!/^[a-z_][a-z0-9_]{0,47}$/.test(schema)) {
      throw new InvalidNotificationDatabaseUrlError(url, `"${schema}" is not a schema name (lower-case letters, digits, _)`);
    }
    parsed.searchParams.delete('schema');
    const setup = new pg.Client({ connectionString: parsed.toString() });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
    const pool = new pg.Pool({
      connectionString: parsed.toString(),
      options: `-c search_path=${schema}`,
      application_name: 'bluehelm-notification',
      max: 5,
    });
    pool.on('error', () => undefined);
    return new PostgresDatabase(pool);
  }

  private constructor(private readonly pool: pg.Pool) {
    this.direct = executorOf(pool);
  }

  query<Row extends SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    return this.direct.query<Row>(sql, params);
  }

  execute(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.direct.execute(sql, params);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(executorOf(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
