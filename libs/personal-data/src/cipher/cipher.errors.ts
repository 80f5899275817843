/** A sealed value names a key the vault has never held: most likely KEY_VAULT_URL names another vault. */
export class UnknownDataKeyError extends Error {
  override readonly name = 'UnknownDataKeyError';
  constructor(readonly keyId: string) {
    super(
      `data key ${keyId} is not in the key vault: KEY_VAULT_URL names another vault than the one ` +
        'this data was sealed with, or the vault was replaced',
    );
  }
}

/**
 * A sealed value whose authentication failed: its ciphertext, IV or key id was altered, or it
 * was copied from another case. Its content is never returned.
 */
export class SealedValueRejectedError extends Error {
  override readonly name = 'SealedValueRejectedError';
  constructor(
    readonly keyId: string,
    reason = 'its ciphertext, IV or key id was altered, or it was moved from another key or case',
  ) {
    super(`sealed value under key ${keyId} refused: ${reason}`);
  }
}
