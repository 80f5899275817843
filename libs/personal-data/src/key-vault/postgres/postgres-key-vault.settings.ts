import { escapeIdentifier } from 'pg';
import { InvalidKeyVaultUrlError } from '../key-vault.errors.js';

const DEFAULT_SCHEMA = 'personal_data';
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/** The SQL names of the vault's objects, already quoted for use in statements. */
export interface PostgresKeyVaultNames {
  readonly schema: string;
  readonly quotedSchema: string;
  readonly keys: string;
  readonly erasures: string;
  readonly masterKeyCheck: string;
  readonly migrations: string;
}

export interface PostgresKeyVaultSettings {
  readonly connectionString: string;
  readonly names: PostgresKeyVaultNames;
}

/** `postgres://user@host:port/db?schema=<name>`; the schema defaults to `personal_data`. */
export function postgresKeyVaultSettings(url: string): PostgresKeyVaultSettings {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidKeyVaultUrlError(url, 'it is not a URL');
  }
  const schema = parsed.searchParams.get('schema') ?? DEFAULT_SCHEMA;
  if (!SCHEMA_NAME.test(schema)) {
    throw new InvalidKeyVaultUrlError(
      url,
      `schema "${schema}" must be lower-case letters, digits and _, starting with a letter or _, at most 48 characters`,
    );
  }
  // `schema` means something to the vault only; the driver would pass it on as a server setting.
  parsed.searchParams.delete('schema');
  const quotedSchema = escapeIdentifier(schema);
  const qualified = (name: string) => `${quotedSchema}.${escapeIdentifier(name)}`;
  return {
    connectionString: parsed.toString(),
    names: {
      schema,
      quotedSchema,
      keys: qualified('personal_data_keys'),
      erasures: qualified('personal_data_erasures'),
      masterKeyCheck: qualified('personal_data_master_key_check'),
      migrations: qualified('personal_data_schema_migrations'),
    },
  };
}
