/** The key a scope's new personal data is sealed with. */
export interface ActiveDataKey {
  readonly keyId: string;
  /** 32 bytes of plaintext key. The caller owns the Buffer and may zero it when done. */
  readonly key: Buffer;
}

/** Why, by whom and when a scope's keys were destroyed: kept after the keys are gone. */
export interface ErasureRecord {
  readonly reason: string;
  readonly erasedBy: string;
  /** As the caller gave it (an ISO 8601 instant, normally); stored and returned unchanged. */
  readonly erasedAt: string;
}

/**
 * Where the data keys live, one set per scope (a case), each stored wrapped by the master key.
 * Implementations never cache plaintext keys: an erasure made through one vault instance
 * must hold at once for every other instance on the same database.
 */
export interface KeyVault {
  /**
   * The scope's current key, created on first use. Safe under concurrent callers in any number
   * of processes sharing the database: they all receive the same key.
   */
  activeKey(scope: string): Promise<ActiveDataKey>;
  /**
   * The plaintext key (a fresh Buffer the caller owns), 'erased' once its scope was erased, or
   * `undefined` for a key id this vault has never held.
   */
  keyOf(keyId: string): Promise<Buffer | 'erased' | undefined>;
  /**
   * Destroys the key material of every key the scope has, for good, and records why. Data
   * sealed under those keys can never be read again; a later `activeKey(scope)` creates a new
   * key for new data.
   */
  erase(scope: string, record: ErasureRecord): Promise<{ keysDestroyed: number }>;
  /** The latest erasure of the scope, if it was ever erased. */
  erasureOf(scope: string): Promise<ErasureRecord | undefined>;
  close(): Promise<void>;
}
