import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type KeyVault, MasterKeyMismatchError } from '../src/index.js';
import { SqliteKeyVault } from '../src/key-vault/sqlite/sqlite-key-vault.js';
import { describeKeyVaultContract } from './fixtures/key-vault.contract.js';
import { type SqliteHarness, sqliteHarness } from './fixtures/sqlite-harness.js';

describeKeyVaultContract('sqlite', sqliteHarness, { sharedDatabase: true });

describe('sqlite key vault file', () => {
  const masterKey = randomBytes(32);
  let harness: SqliteHarness;
  let vault: KeyVault;

  beforeAll(async () => {
    harness = sqliteHarness();
    vault = await harness.open(masterKey);
  });
  afterAll(async () => {
    await harness.cleanup();
  });

  /** Every byte SQLite keeps of the vault: the file and its write-ahead log. */
  const fileBytes = () =>
    Buffer.concat([readFileSync(harness.file), existsSync(`${harness.file}-wal`) ? readFileSync(`${harness.file}-wal`) : Buffer.alloc(0)]);

  it('no longer holds the bytes of an erased key anywhere in the file or its log', async () => {
    const { keyId } = await vault.activeKey('case-shredded');
    const wrapped = (await harness.storedWrappedKey(keyId))!;
    expect(fileBytes().includes(wrapped)).toBe(true);

    await vault.erase('case-shredded', { reason: 'court order', erasedBy: 'user:1', erasedAt: '2031-01-01T00:00:00Z' });

    expect(fileBytes().includes(wrapped)).toBe(false);
    expect(await vault.keyOf(keyId)).toBe('erased');
  });

  it('keeps its keys across reopening', async () => {
    const { keyId, key } = await vault.activeKey('case-kept');
    const reopened = await SqliteKeyVault.open(harness.file, masterKey);
    try {
      expect((await reopened.activeKey('case-kept')).keyId).toBe(keyId);
      expect((await reopened.keyOf(keyId)) as Buffer).toEqual(key);
    } finally {
      await reopened.close();
    }
  });

  it('refuses a stored key moved to another key id or scope', async () => {
    const [a, b] = [await vault.activeKey('case-a'), await vault.activeKey('case-b')];
    // Give case-b's row case-a's wrapped key: a copy made at the database level.
    harness.raw
      .prepare('UPDATE personal_data_keys SET wrapped_key = (SELECT wrapped_key FROM personal_data_keys WHERE key_id = ?) WHERE key_id = ?')
      .run(a.keyId, b.keyId);
    await expect(vault.keyOf(b.keyId)).rejects.toThrow(MasterKeyMismatchError);
    await expect(vault.activeKey('case-b')).rejects.toThrow(/data key .* of scope "case-b" cannot be unwrapped/);
  });
});
