export * from './sealed-value.js';
export * from './cipher/personal-data-cipher.js';
export { holdsSealedValues } from './cipher/sealed-fields.js';
export * from './cipher/cipher.errors.js';
export type { JsonPath } from './cipher/json-tree.js';
export * from './key-vault/key-vault.port.js';
export { InvalidKeyVaultUrlError, InvalidScopeError, MasterKeyMismatchError } from './key-vault/key-vault.errors.js';
export { InvalidMasterKeyLengthError } from './key-vault/data-key-wrapping.js';
export { ActiveKeyContentionError } from './key-vault/active-key-creation.js';
export * from './key-vault/open-key-vault.js';
export * from './key-vault/memory-key-vault.js';
// The database adapters as types only: openKeyVault loads a driver when its URL asks for it, so
// a process never loads better-sqlite3 (a native module) or pg without using it.
export type { SqliteKeyVault } from './key-vault/sqlite/sqlite-key-vault.js';
export type { PostgresKeyVault } from './key-vault/postgres/postgres-key-vault.js';
export * from './master-key/load-master-key.js';
export * from './master-key/master-key.errors.js';
export { DEVELOPMENT_MASTER_KEY_FILE } from './master-key/development-master-key.js';
