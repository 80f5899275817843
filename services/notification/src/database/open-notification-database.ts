import { migrateNotificationSchema } from './notification-schema.js';
import { InvalidNotificationDatabaseUrlError, type SqlDatabase } from './sql-database.js';

/**
 * Opens the database NOTIFICATION_DB_URL names (`sqlite:<file>`, `sqlite::memory:` or
 * `postgres://user@host:port/db?schema=<name>`) and brings its tables up to date. Drivers are
 * loaded lazily so that a process never loads one it does not use.
 */
export async function openNotificationDatabase(url: string): Promise<SqlDatabase> {
  const db = await connect(url);
  try {
    await migrateNotificationSchema(db);
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

async function connect(url: string): Promise<SqlDatabase> {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).trim();
    if (path === '') throw new InvalidNotificationDatabaseUrlError(url, 'the sqlite file path is empty');
    const { SqliteDatabase } = await import('./sqlite-database.js');
    return SqliteDatabase.open(path);
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const { PostgresDatabase } = await import('./postgres-database.js');
    return PostgresDatabase.connect(url);
  }
  throw new InvalidNotificationDatabaseUrlError(url, 'use sqlite:<file> or postgres://user@host:port/db?schema=<name>');
}
