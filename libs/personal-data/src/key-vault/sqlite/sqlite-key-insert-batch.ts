import type Database from 'better-sqlite3';

interface PendingInsert {
  readonly keyId: string;
  readonly scope: string;
  readonly wrapped: Buffer;
  readonly createdAt: string;
  readonly settle: (stored: boolean | Error) => void;
}

/**
 * Group commit of new data keys: the inserts asked for in one turn of the event loop share one
 * transaction, so one fsync (synchronous=FULL) stores the keys of every report being sealed at
 * that moment instead of one fsync each, which would stall the loop on every new case. Each
 * insert answers only after the commit, as a lone insert would.
 */
export class SqliteKeyInsertBatch {
  private pending: PendingInsert[] = [];
  private readonly insertAll: (inserts: readonly PendingInsert[]) => boolean[];

  constructor(db: Database.Database) {
    // DO NOTHING on any uniqueness conflict: the one-active-key-per-scope index is the referee.
    const insert = db.prepare<[string, string, Buffer, string]>(
      `INSERT INTO personal_data_keys (key_id, scope, wrapped_key, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    );
    this.insertAll = db.transaction((inserts: readonly PendingInsert[]) =>
      inserts.map(({ keyId, scope, wrapped, createdAt }) => insert.run(keyId, scope, wrapped, createdAt).changes === 1),
    );
  }

  /** True when this key was stored; false when the scope had an active key (another's, maybe in this batch). */
  insertIfNoneActive(scope: string, keyId: string, wrapped: Buffer): Promise<boolean> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({
        keyId,
        scope,
        wrapped,
        createdAt: new Date().toISOString(),
        settle: (stored) => (stored instanceof Error ? reject(stored) : resolve(stored)),
      });
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    let stored: boolean[];
    try {
      stored = this.insertAll(batch);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const insert of batch) insert.settle(failure);
      return;
    }
    batch.forEach((insert, index) => insert.settle(stored[index] ?? false));
  }
}
