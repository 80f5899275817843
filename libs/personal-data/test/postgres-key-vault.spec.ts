import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { InvalidKeyVaultUrlError, type KeyVault, MasterKeyMismatchError, openKeyVault } from '../src/index.js';
import { describeKeyVaultContract } from './fixtures/key-vault.contract.js';
import { postgresHarness, type PostgresHarness } from './fixtures/postgres-harness.js';

describeKeyVaultContract('postgres', () => postgresHarness('key_vault'), { sharedDatabase: true });

describe('postgres key vault schema', () => {
  const masterKey = randomBytes(32);
  let harness: PostgresHarness;
  let vaults: KeyVault[];

  beforeAll(async () => {
    harness = postgresHarness('key_vault_schema');
    // Two processes starting at once on a database without the schema.
    vaults = await Promise.all([harness.open(masterKey), harness.open(masterKey)]);
  });
  afterAll(async () => {
    await harness.cleanup();
  });

  it('is created once by instances connecting at the same time, in the URL\'s schema', async () => {
    const tables = await harness.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [harness.schema],
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      'personal_data_erasures',
      'personal_data_keys',
      'personal_data_master_key_check',
      'personal_data_schema_migrations',
    ]);
    const [a, b] = await Promise.all([vaults[0]!.activeKey('case-1'), vaults[1]!.activeKey('case-1')]);
    expect(b.keyId).toBe(a.keyId);
  });

  it('leaves NULL where an erased key was, in the only row version a query can see', async () => {
    const { keyId } = await vaults[0]!.activeKey('case-2');
    await vaults[1]!.erase('case-2', { reason: 'r', erasedBy: 'u', erasedAt: '2031-01-01T00:00:00Z' });
    const rows = await harness.query<{ wrapped_key: Buffer | null; erasure_id: string | null }>(
      `SELECT wrapped_key, erasure_id FROM ${pg.escapeIdentifier(harness.schema)}.personal_data_keys WHERE key_id = $1`,
      [keyId],
    );
    expect(rows).toEqual([{ wrapped_key: null, erasure_id: expect.any(String) }]);
  });

  it('refuses a stored key moved to another key id or scope', async () => {
    const [a, b] = [await vaults[0]!.activeKey('case-a'), await vaults[0]!.activeKey('case-b')];
    const keys = `${pg.escapeIdentifier(harness.schema)}.personal_data_keys`;
    await harness.query(`UPDATE ${keys} SET wrapped_key = (SELECT wrapped_key FROM ${keys} WHERE key_id = $1) WHERE key_id = $2`, [
      a.keyId,
      b.keyId,
    ]);
    await expect(vaults[1]!.keyOf(b.keyId)).rejects.toThrow(MasterKeyMismatchError);
  });

  it('names the setting when the schema in the URL is not a plain name', async () => {
    await expect(openKeyVault('postgres://postgres@127.0.0.1:5432/test?schema=Bad-Name', masterKey)).rejects.toThrow(
      InvalidKeyVaultUrlError,
    );
    await expect(openKeyVault('postgres://postgres@127.0.0.1:5432/test?schema=Bad-Name', masterKey)).rejects.toThrow(
      /KEY_VAULT_URL/,
    );
  });
});
