/**
 * The notification service's own database, reached through the few operations its stores need.
 * Statements are written once with `?` placeholders in the SQL both SQLite and PostgreSQL
 * understand (ON CONFLICT, RETURNING, LIMIT/OFFSET), so one store serves both.
 */
export type SqlValue = string | number | null;

export type SqlRow = Record<string, unknown>;

export interface SqlExecutor {
  /** Rows of a SELECT, or of a statement with RETURNING. */
  query<Row extends SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** The number of rows the statement changed. */
  execute(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlDatabase extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** NOTIFICATION_DB_URL names no database this service can open. */
export class InvalidNotificationDatabaseUrlError extends Error {
  override readonly name = 'InvalidNotificationDatabaseUrlError';
  constructor(url: string, reason: string) {
    super(`NOTIFICATION_DB_URL "${url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')}" is not usable: ${reason}`);
  }
}
