import { escapeIdentifier } from 'pg';

/** Settings of a PostgresEventStore beyond the connection URL. */
export interface PostgresEventStoreOptions {
  /**
   * The schema holding the store's tables; wins over the URL's `?schema=` and defaults to
   * `event_store`. Lower-case letters, digits and `_`, at most 48 characters.
   */
  readonly schema?: string;
  /** Connections in the pool used for appends and reads (default 10). */
  readonly poolSize?: number;
  /** How often a waiting subscription looks for new events when no notification arrives (default 250 ms). */
  readonly pollIntervalMs?: number;
  /** Rows fetched per query by readAll (default 2000). */
  readonly readPageSize?: number;
}

export class InvalidPostgresSchemaNameError extends Error {
  override readonly name = 'InvalidPostgresSchemaNameError';
  constructor(readonly schema: string) {
    super(
      `"${schema}" cannot name the event store's schema: use lower-case letters, digits and _, ` +
        'starting with a letter or _, at most 48 characters',
    );
  }
}

/** The SQL names of one store's objects, already quoted for use in statements. */
export interface PostgresSchemaNames {
  readonly schema: string;
  readonly quotedSchema: string;
  readonly events: string;
  readonly streams: string;
  readonly streamMetadata: string;
  readonly checkpoints: string;
  readonly logHead: string;
  readonly appendFunction: string;
  /** The NOTIFY channel every append signals on, unquoted (as pg_notify takes it). */
  readonly appendChannel: string;
}

export interface PostgresConnectionSettings {
  readonly connectionString: string;
  readonly names: PostgresSchemaNames;
  readonly poolSize: number;
  readonly pollIntervalMs: number;
  readonly readPageSize: number;
}

const DEFAULT_SCHEMA = 'event_store';
// 48 leaves room for the channel suffix within PostgreSQL's 63-byte identifier limit.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

export function postgresConnectionSettings(
  url: string,
  options: PostgresEventStoreOptions = {},
): PostgresConnectionSettings {
  const parsed = new URL(url);
  const schema = options.schema ?? parsed.searchParams.get('schema') ?? DEFAULT_SCHEMA;
  // `schema` means something to this store only; the driver would pass it on as a server setting.
  parsed.searchParams.delete('schema');
  return {
    connectionString: parsed.toString(),
    names: schemaNames(schema),
    poolSize: options.poolSize ?? 10,
    pollIntervalMs: options.pollIntervalMs ?? 250,
    readPageSize: options.readPageSize ?? 2000,
  };
}

export function schemaNames(schema: string): PostgresSchemaNames {
  if (!SCHEMA_NAME.test(schema)) throw new InvalidPostgresSchemaNameError(schema);
  const quotedSchema = escapeIdentifier(schema);
  const qualified = (name: string) => `${quotedSchema}.${escapeIdentifier(name)}`;
  return {
    schema,
    quotedSchema,
    events: qualified('events'),
    streams: qualified('streams'),
    streamMetadata: qualified('stream_metadata'),
    checkpoints: qualified('checkpoints'),
    logHead: qualified('log_head'),
    appendFunction: qualified('append_events'),
    appendChannel: `${schema}_events_appended`,
  };
}
