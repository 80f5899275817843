import { Pool } from 'pg';
import { type ActiveKeyStorage, obtainActiveKey } from '../active-key-creation.js';
import { DataKeyWrapping } from '../data-key-wrapping.js';
import { assertScope } from '../key-vault.errors.js';
import type { ActiveDataKey, ErasureRecord, KeyVault } from '../key-vault.port.js';
import { migrateKeyVaultSchema } from './postgres-key-vault.schema.js';
import { type PostgresKeyVaultNames, postgresKeyVaultSettings } from './postgres-key-vault.settings.js';
import { inPostgresTransaction } from '@bluehelm/event-store';

/** Key look-ups are short single statements; a few connections serve a whole service. */
const POOL_SIZE = 4;

/**
 * The key vault in PostgreSQL, in tables of its own inside the URL's schema (created if
 * missing). Every answer comes from the database: nothing is cached, so an erasure through one
 * process holds at once for all.
 */
export class PostgresKeyVault implements KeyVault {
  private readonly wrapping: DataKeyWrapping;
  private readonly storage: ActiveKeyStorage;

  private constructor(
    private readonly pool: Pool,
    private readonly names: PostgresKeyVaultNames,
    masterKey: Buffer,
  ) {
    this.wrapping = new DataKeyWrapping(masterKey);
    this.storage = {
      findActive: async (scope) => {
        const { rows } = await pool.query<{ key_id: string; wrapped_key: Buffer }>(
          `SELECT key_id, wrapped_key FROM ${names.keys} WHERE scope = $1 AND wrapped_key IS NOT NULL`,
          [scope],
        );
        return rows[0] && { keyId: rows[0].key_id, wrapped: rows[0].wrapped_key };
      },
      // A statement of its own, so that the read which follows a lost race (a new snapshot
      // under READ COMMITTED) sees the winner's committed key. DO NOTHING without a target
      // covers the partial unique index on the scope's active key.
      insertIfNoneActive: async (scope, keyId, wrapped) => {
        const { rowCount } = await pool.query(
          `INSERT INTO ${names.keys} (key_id, scope, wrapped_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [keyId, scope, wrapped],
        );
        return rowCount === 1;
      },
    };
  }

  /** Connects, creates the schema if missing, and refuses a master key other than the vault's own. */
  static async connect(url: string, masterKey: Buffer): Promise<PostgresKeyVault> {
    const settings = postgresKeyVaultSettings(url);
    const pool = new Pool({
      connectionString: settings.connectionString,
      max: POOL_SIZE,
      application_name: 'bluehelm-key-vault',
    });
    // An idle connection the server drops is removed by the pool; without a listener it would crash the process.
    pool.on('error', () => undefined);
    try {
      const vault = new PostgresKeyVault(pool, settings.names, masterKey);
      await migrateKeyVaultSchema(pool, settings.names);
      await vault.verifyMasterKey();
      return vault;
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  async activeKey(scope: string): Promise<ActiveDataKey> {
    assertScope(scope);
    return obtainActiveKey(scope, this.wrapping, this.storage);
  }

  async keyOf(keyId: string): Promise<Buffer | 'erased' | undefined> {
    const { rows } = await this.pool.query<{ scope: string; wrapped_key: Buffer | null }>(
      `SELECT scope, wrapped_key FROM ${this.names.keys} WHERE key_id = $1`,
      [keyId],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    if (row.wrapped_key === null) return 'erased';
    return this.wrapping.unwrap(keyId, row.scope, row.wrapped_key);
  }

  /**
   * The tombstone record and the overwrite of the key material commit together. Keys created
   * by a concurrent activeKey that commits after this erasure's snapshot are not erased: they
   * belong to data sealed after the erasure.
   */
  async erase(scope: string, record: ErasureRecord): Promise<{ keysDestroyed: number }> {
    assertScope(scope);
    const { erasures, keys } = this.names;
    return inPostgresTransaction(this.pool, async (client) => {
      const erasure = await client.query<{ erasure_id: string }>(
        `INSERT INTO ${erasures} (scope, reason, erased_by, erased_at) VALUES ($1, $2, $3, $4) RETURNING erasure_id`,
        [scope, record.reason, record.erasedBy, record.erasedAt],
      );
      const destroyed = await client.query(
        `UPDATE ${keys} SET wrapped_key = NULL, erasure_id = $1 WHERE scope = $2 AND wrapped_key IS NOT NULL`,
        [erasure.rows[0]?.erasure_id, scope],
      );
      return { keysDestroyed: destroyed.rowCount ?? 0 };
    });
  }

  async erasureOf(scope: string): Promise<ErasureRecord | undefined> {
    const { rows } = await this.pool.query<{ reason: string; erased_by: string; erased_at: string }>(
      `SELECT reason, erased_by, erased_at FROM ${this.names.erasures}
       WHERE scope = $1 ORDER BY erasure_id DESC LIMIT 1`,
      [scope],
    );
    const row = rows[0];
    return row && { reason: row.reason, erasedBy: row.erased_by, erasedAt: row.erased_at };
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  private async verifyMasterKey(): Promise<void> {
    // Whichever process creates the vault stores the check; everyone verifies the stored one.
    await this.pool.query(
      `INSERT INTO ${this.names.masterKeyCheck} (wrapped_check) VALUES ($1) ON CONFLICT DO NOTHING`,
      [this.wrapping.newMasterKeyCheck()],
    );
    const { rows } = await this.pool.query<{ wrapped_check: Buffer }>(
      `SELECT wrapped_check FROM ${this.names.masterKeyCheck}`,
    );
    const check = rows[0];
    if (check === undefined) throw new Error(`${this.names.masterKeyCheck} is empty right after its row was inserted`);
    this.wrapping.verifyMasterKeyCheck(check.wrapped_check);
  }
}
