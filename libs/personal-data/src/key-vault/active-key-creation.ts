import type { DataKeyWrapping } from './data-key-wrapping.js';
import type { ActiveDataKey } from './key-vault.port.js';

/** What an adapter offers so that every adapter creates active keys the same race-safe way. */
export interface ActiveKeyStorage {
  findActive(scope: string): Promise<{ keyId: string; wrapped: Buffer } | undefined>;
  /**
   * Stores the key unless the scope already has an active one (the storage's unique constraint
   * decides, not a read made earlier); true when this key was stored.
   */
  insertIfNoneActive(scope: string, keyId: string, wrapped: Buffer): Promise<boolean>;
}

/** Each retry needs an erasure to land between two statements, so a few attempts are plenty. */
const MAX_ATTEMPTS = 5;

export class ActiveKeyContentionError extends Error {
  override readonly name = 'ActiveKeyContentionError';
  constructor(scope: string) {
    super(`no active key could be settled for scope "${scope}" after ${MAX_ATTEMPTS} attempts: it is being erased repeatedly`);
  }
}

/**
 * The scope's active key, created if it has none. Callers racing in several processes each
 * generate a candidate and insert it if none is active; the losers' inserts do nothing and they
 * read the winner's key, so everyone seals with the same key.
 */
export async function obtainActiveKey(
  scope: string,
  wrapping: DataKeyWrapping,
  storage: ActiveKeyStorage,
): Promise<ActiveDataKey> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const found = await storage.findActive(scope);
    if (found !== undefined) return { keyId: found.keyId, key: wrapping.unwrap(found.keyId, scope, found.wrapped) };
    const created = await wrapping.newDataKey(scope);
    if (await storage.insertIfNoneActive(scope, created.keyId, created.wrapped)) {
      return { keyId: created.keyId, key: created.key };
    }
    created.key.fill(0);
  }
  throw new ActiveKeyContentionError(scope);
}
