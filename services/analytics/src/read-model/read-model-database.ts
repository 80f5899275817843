import type { BatchWrite, ReadModelTable, SqlValue } from './read-model-table.js';

/**
 * The analytics service's own database, holding its read models and their checkpoints. SQL is
 * written with `?` placeholders and in the dialect both SQLite and PostgreSQL understand.
 */
export interface ReadModelDatabase {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates the tables (and the checkpoint table) that do not exist yet. */
  createTables(tables: readonly ReadModelTable[]): Promise<void>;
  /**
   * Drops the tables and forgets the checkpoints of the named projections, in one transaction:
   * what a rebuild of them starts from. Other tables and checkpoints stay as they are.
   */
  dropReadModels(tables: readonly ReadModelTable[], projections: readonly string[]): Promise<void>;
  /** Those of the tables that exist with other columns than their definition (made by an older version). */
  outdatedTables(tables: readonly ReadModelTable[]): Promise<ReadModelTable[]>;
  /** The last position each projection applied. */
  readCheckpoints(): Promise<Map<string, number>>;
  /**
   * One transaction, so that a projection's rows and its checkpoint change together or not at
   * all: reads the checkpoints, asks `plan` what to write given them, writes it. Writers are
   * serialised, so a plan always sees the checkpoints the previous batch left.
   */
  writeBatch<Write extends BatchWrite>(plan: (checkpoints: ReadonlyMap<string, number>) => Write): Promise<Write>;
  /** Rows as objects keyed by column name (numbers for integer columns). */
  query<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Rows as arrays in the order of the select list: for loading many rows at once. */
  queryArrays(sql: string, params?: readonly SqlValue[]): Promise<SqlValue[][]>;
  close(): Promise<void>;
}

/** Injection token of the service's ReadModelDatabase. */
export const READ_MODEL_DATABASE = Symbol('READ_MODEL_DATABASE');
