const MASTER_KEY_SETTINGS = 'PERSONAL_DATA_MASTER_KEY / PERSONAL_DATA_MASTER_KEY_FILE';

/**
 * The vault's keys were wrapped with another master key than the one configured (or a stored
 * row was altered). Raised instead of returning a key that would decrypt nothing but garbage.
 */
export class MasterKeyMismatchError extends Error {
  override readonly name = 'MasterKeyMismatchError';
  constructor(what: string) {
    super(
      `${what} cannot be unwrapped with the configured master key (${MASTER_KEY_SETTINGS}): ` +
        'the key vault was created with a different master key, or its stored key material was altered',
    );
  }
}

/** A setting that names no key vault this library can open; the message says what would. */
export class InvalidKeyVaultUrlError extends Error {
  override readonly name = 'InvalidKeyVaultUrlError';
  constructor(url: string, reason: string) {
    super(
      `KEY_VAULT_URL "${redactPassword(url)}" is not usable: ${reason}. ` +
        'Use sqlite:<file>, postgres://user@host:port/db?schema=<name>, or memory:',
    );
  }
}

/** A scope must name something: an empty one would share a key among unrelated data. */
export class InvalidScopeError extends Error {
  override readonly name = 'InvalidScopeError';
  constructor() {
    super('a personal-data scope must be a non-empty string (the case the data belongs to)');
  }
}

export function assertScope(scope: string): void {
  if (typeof scope !== 'string' || scope.length === 0) throw new InvalidScopeError();
}

export function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
