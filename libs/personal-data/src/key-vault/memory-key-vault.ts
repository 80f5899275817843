import { type ActiveKeyStorage, obtainActiveKey } from './active-key-creation.js';
import { DataKeyWrapping } from './data-key-wrapping.js';
import { assertScope } from './key-vault.errors.js';
import type { ActiveDataKey, ErasureRecord, KeyVault } from './key-vault.port.js';

interface StoredKey {
  readonly scope: string;
  /** `null` once the scope was erased: the entry stays as the tombstone. */
  wrapped: Buffer | null;
}

/**
 * A vault in this process's memory, for tests and throwaway runs. Keys are kept wrapped as in
 * the database adapters, so it behaves the same way (a wrong master key included).
 */
export class MemoryKeyVault implements KeyVault {
  private readonly wrapping: DataKeyWrapping;
  private readonly keys = new Map<string, StoredKey>();
  private readonly erasures = new Map<string, ErasureRecord>();
  private readonly storage: ActiveKeyStorage = {
    findActive: async (scope) => {
      for (const [keyId, stored] of this.keys) {
        // A copy: an erasure zeroes the stored Buffer, perhaps before the caller unwraps this one.
        if (stored.scope === scope && stored.wrapped !== null) return { keyId, wrapped: Buffer.from(stored.wrapped) };
      }
      return undefined;
    },
    insertIfNoneActive: async (scope, keyId, wrapped) => {
      if (await this.storage.findActive(scope)) return false;
      this.keys.set(keyId, { scope, wrapped });
      return true;
    },
  };

  constructor(masterKey: Buffer) {
    this.wrapping = new DataKeyWrapping(masterKey);
  }

  async activeKey(scope: string): Promise<ActiveDataKey> {
    assertScope(scope);
    return obtainActiveKey(scope, this.wrapping, this.storage);
  }

  async keyOf(keyId: string): Promise<Buffer | 'erased' | undefined> {
    const stored = this.keys.get(keyId);
    if (stored === undefined) return undefined;
    if (stored.wrapped === null) return 'erased';
    return this.wrapping.unwrap(keyId, stored.scope, stored.wrapped);
  }

  async erase(scope: string, record: ErasureRecord): Promise<{ keysDestroyed: number }> {
    assertScope(scope);
    let keysDestroyed = 0;
    for (const stored of this.keys.values()) {
      if (stored.scope === scope && stored.wrapped !== null) {
        stored.wrapped.fill(0);
        stored.wrapped = null;
        keysDestroyed++;
      }
    }
    this.erasures.set(scope, { reason: record.reason, erasedBy: record.erasedBy, erasedAt: record.erasedAt });
    return { keysDestroyed };
  }

  async erasureOf(scope: string): Promise<ErasureRecord | undefined> {
    return this.erasures.get(scope);
  }

  async close(): Promise<void> {
    for (const stored of this.keys.values()) stored.wrapped?.fill(0);
    this.keys.clear();
  }
}
