import { InvalidKeyVaultUrlError } from './key-vault.errors.js';
import type { KeyVault } from './key-vault.port.js';

export type KeyVaultKind = 'memory' | 'sqlite' | 'postgres';

export function keyVaultKindOf(url: string): KeyVaultKind {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'memory':
      return 'memory';
    case 'sqlite':
      if (url.slice('sqlite:'.length).trim() === '') throw new InvalidKeyVaultUrlError(url, 'the sqlite file path is empty');
      return 'sqlite';
    case 'postgres':
    case 'postgresql':
      return 'postgres';
    default:
      throw new InvalidKeyVaultUrlError(url, scheme ? `unknown scheme "${scheme}"` : 'no scheme');
  }
}

/**
 * Opens the key vault that `KEY_VAULT_URL` names, with the master key that wraps its keys.
 * Fails with MasterKeyMismatchError when the vault was created with another master key.
 * Adapters are imported lazily so that a process never loads a driver it does not use.
 */
export async function openKeyVault(url: string, masterKey: Buffer): Promise<KeyVault> {
  switch (keyVaultKindOf(url)) {
    case 'memory': {
      const { MemoryKeyVault } = await import('./memory-key-vault.js');
      return new MemoryKeyVault(masterKey);
    }
    case 'sqlite': {
      const { SqliteKeyVault } = await import('./sqlite/sqlite-key-vault.js');
      return SqliteKeyVault.open(url.slice('sqlite:'.length), masterKey);
    }
    case 'postgres': {
      const { PostgresKeyVault } = await import('./postgres/postgres-key-vault.js');
      return PostgresKeyVault.connect(url, masterKey);
    }
  }
}
