import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDatabase, SqlExecutor, SqlRow, SqlValue } from './sql-database.js';

const BUSY_TIMEOUT_MS = 15_000;

/**
 * One SQLite file in WAL mode with synchronous=FULL: a committed delivery record or attempt
 * outcome survives a SIGKILL. better-sqlite3 is synchronous, but a transaction's work is async,
 * so operations are queued: nothing from outside a transaction runs inside it.
 */
export class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite';
  private queue: Promise<unknown> = Promise.resolve();
  private readonly direct: SqlExecutor;

  static open(path: string): SqliteDatabase {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    return new SqliteDatabase(db);
  }

  private constructor(private readonly db: Database.Database) {
    this.direct = {
      query: async <Row extends SqlRow>(sql: string, params: readonly SqlValue[] = []) => this.rowsOf<Row>(sql, params),
      execute: async (sql: string, params: readonly SqlValue[] = []) => this.db.prepare(sql).run(...params).changes,
    };
  }

  query<Row extends SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.queued(() => this.direct.query<Row>(sql, params));
  }

  execute(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.queued(() => this.direct.execute(sql, params));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.queued(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.queued(async () => this.db.close());
  }

  private rowsOf<Row extends SqlRow>(sql: string, params: readonly SqlValue[]): Row[] {
    const statement = this.db.prepare(sql);
    if (statement.reader) return statement.all(...params) as Row[];
    statement.run(...params);
    return [];
  }

  private queued<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
