import type Database from 'better-sqlite3';
import { type ActiveKeyStorage, obtainActiveKey } from '../active-key-creation.js';
import { DataKeyWrapping } from '../data-key-wrapping.js';
import { assertScope } from '../key-vault.errors.js';
import type { ActiveDataKey, ErasureRecord, KeyVault } from '../key-vault.port.js';
import { SqliteKeyInsertBatch } from './sqlite-key-insert-batch.js';
import { openKeyVaultDatabase } from './sqlite-key-vault.schema.js';

interface KeyRow {
  readonly scope: string;
  readonly wrapped_key: Buffer | null;
}

interface ErasureRow {
  readonly reason: string;
  readonly erased_by: string;
  readonly erased_at: string;
}

/**
 * The key vault in a SQLite file of its own, which several processes may share. Kept apart from
 * the event store's file on purpose: the log's backups may be kept for ever, the keys' may not.
 */
export class SqliteKeyVault implements KeyVault {
  private readonly wrapping: DataKeyWrapping;
  private readonly selectActive: Database.Statement<[string], { key_id: string; wrapped_key: Buffer }>;
  private readonly inserts: SqliteKeyInsertBatch;
  private readonly selectKey: Database.Statement<[string], KeyRow>;
  private readonly selectErasure: Database.Statement<[string], ErasureRow>;
  private readonly eraseScope: (scope: string, record: ErasureRecord) => number;
  private readonly storage: ActiveKeyStorage;

  private constructor(
    private readonly db: Database.Database,
    masterKey: Buffer,
  ) {
    this.wrapping = new DataKeyWrapping(masterKey);
    this.selectActive = db.prepare(
      'SELECT key_id, wrapped_key FROM personal_data_keys WHERE scope = ? AND wrapped_key IS NOT NULL',
    );
    this.inserts = new SqliteKeyInsertBatch(db);
    this.selectKey = db.prepare('SELECT scope, wrapped_key FROM personal_data_keys WHERE key_id = ?');
    this.selectErasure = db.prepare(
      `SELECT reason, erased_by, erased_at FROM personal_data_erasures
       WHERE scope = ? ORDER BY erasure_id DESC LIMIT 1`,
    );
    this.eraseScope = eraseStatement(db);
    this.storage = {
      findActive: async (scope) => {
        const row = this.selectActive.get(scope);
        return row && { keyId: row.key_id, wrapped: row.wrapped_key };
      },
      insertIfNoneActive: (scope, keyId, wrapped) => this.inserts.insertIfNoneActive(scope, keyId, wrapped),
    };
  }

  /** Opens (and creates if needed) the file, and refuses a master key other than the vault's own. */
  static async open(path: string, masterKey: Buffer): Promise<SqliteKeyVault> {
    const db = openKeyVaultDatabase(path);
    try {
      const vault = new SqliteKeyVault(db, masterKey);
      vault.verifyMasterKey();
      return vault;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async activeKey(scope: string): Promise<ActiveDataKey> {
    assertScope(scope);
    return obtainActiveKey(scope, this.wrapping, this.storage);
  }

  async keyOf(keyId: string): Promise<Buffer | 'erased' | undefined> {
    const row = this.selectKey.get(keyId);
    if (row === undefined) return undefined;
    if (row.wrapped_key === null) return 'erased';
    return this.wrapping.unwrap(keyId, row.scope, row.wrapped_key);
  }

  async erase(scope: string, record: ErasureRecord): Promise<{ keysDestroyed: number }> {
    assertScope(scope);
    const keysDestroyed = this.eraseScope(scope, record);
    // The pages that held the keys before the erasure are still in the write-ahead log until a
    // checkpoint copies the new pages into the file and truncates the log. The checkpoint waits
    // (up to the busy timeout) for other connections' readers; if they are still reading, the
    // old log frames stay until a later checkpoint overwrites or truncates them.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return { keysDestroyed };
  }

  async erasureOf(scope: string): Promise<ErasureRecord | undefined> {
    const row = this.selectErasure.get(scope);
    return row && { reason: row.reason, erasedBy: row.erased_by, erasedAt: row.erased_at };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private verifyMasterKey(): void {
    // Whichever process creates the vault stores the check; everyone verifies the stored one.
    this.db
      .prepare('INSERT INTO personal_data_master_key_check (singleton, wrapped_check) VALUES (1, ?) ON CONFLICT DO NOTHING')
      .run(this.wrapping.newMasterKeyCheck());
    const row = this.db.prepare('SELECT wrapped_check FROM personal_data_master_key_check').get() as {
      wrapped_check: Buffer;
    };
    this.wrapping.verifyMasterKeyCheck(row.wrapped_check);
  }
}

/** One transaction: the tombstone record, then the key material overwritten with NULL. */
function eraseStatement(db: Database.Database): (scope: string, record: ErasureRecord) => number {
  const insertErasure = db.prepare<[string, string, string, string, string]>(
    `INSERT INTO personal_data_erasures (scope, reason, erased_by, erased_at, recorded_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const destroyKeys = db.prepare<[number | bigint, string]>(
    `UPDATE personal_data_keys SET wrapped_key = NULL, erasure_id = ? WHERE scope = ? AND wrapped_key IS NOT NULL`,
  );
  const erase = db.transaction((scope: string, record: ErasureRecord) => {
    const erasure = insertErasure.run(scope, record.reason, record.erasedBy, record.erasedAt, new Date().toISOString());
    return destroyKeys.run(erasure.lastInsertRowid, scope).changes;
  });
  return (scope, record) => erase.immediate(scope, record);
}
