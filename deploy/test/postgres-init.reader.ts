/**
 * Reads what kubernetes/postgres/init-read-model-databases.sh (the first-start script of both
 * topologies' PostgreSQL) creates: the databases with their owners, and the variables it reads
 * the role passwords from. It understands the statements this repository writes, not all SQL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const POSTGRES_INIT_SCRIPT = join('kubernetes', 'postgres', 'init-read-model-databases.sh');

export interface PostgresInitScript {
  /** Each database the script creates (`CREATE DATABASE x OWNER y`), by name, with its owner. */
  readonly databaseOwners: ReadonlyMap<string, string>;
  /** The roles it creates that may log in (`CREATE ROLE x LOGIN ...`). */
  readonly loginRoles: readonly string[];
  /** The variables it takes passwords from (`$(secret NAME)`: NAME, or the file NAME_FILE names). */
  readonly passwordVariables: readonly string[];
}

export function readPostgresInitScript(deployDir: string): PostgresInitScript {
  const text = readFileSync(join(deployDir, POSTGRES_INIT_SCRIPT), 'utf8');
  const sql = text.replace(/--.*$/gm, '');
  return {
    databaseOwners: new Map(
      [...sql.matchAll(/CREATE\s+DATABASE\s+(\w+)\s+OWNER\s+(\w+)/gi)].map((match): [string, string] => [match[1] ?? '', match[2] ?? '']),
    ),
    loginRoles: [...sql.matchAll(/CREATE\s+ROLE\s+(\w+)\s+(?:WITH\s+)?LOGIN\b/gi)].map((match) => match[1] ?? ''),
    passwordVariables: [...text.matchAll(/\$\(secret\s+([A-Z][A-Z0-9_]*)\)/g)].map((match) => match[1] ?? ''),
  };
}

export interface PostgresUrl {
  readonly role: string;
  /** As the topology gives it: FROM_OUTSIDE where it comes from outside the repository. */
  readonly password: string | undefined;
  readonly host: string;
  readonly database: string;
  /** The `schema` parameter, where the URL has one. */
  readonly schema: string | undefined;
}

/** The parts of a postgres:// URL as a topology writes them; undefined for any other text. */
export function postgresUrlOf(url: string): PostgresUrl | undefined {
  const match = /^postgres(?:ql)?:\/\/([^:@/]+)(?::([^@]*))?@([^:/?]+)(?::\d+)?\/([^?/]+)(?:\?(.*))?$/.exec(url);
  if (match === null) return undefined;
  const [, role = '', password, host = '', database = '', query = ''] = match;
  return { role, password, host, database, schema: new URLSearchParams(query).get('schema') ?? undefined };
}
