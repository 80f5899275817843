// class-transformer's @Type reads design-time types through the Reflect metadata API.
import 'reflect-metadata';
import { Expose, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { IsEventStoreUrl, IsNatsServerList } from './config-validators.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The settings every service reads from its environment. A service with settings of its own
 * extends this class; each field needs `@Expose()` (only exposed fields are read) and a message
 * that says what a valid value looks like, since the loader adds the value it got.
 */
export class ServiceConfig {
  @Expose()
  @IsEventStoreUrl({
    message:
      'EVENT_STORE_URL must be sqlite:<file>, postgres://user@host:port/db, kurrentdb://host:port (or esdb://), or memory:',
  })
  EVENT_STORE_URL = 'sqlite:./data/events.db';

  @Expose()
  @IsNatsServerList({ message: 'NATS_URL must be a comma-separated list of nats://host:port URLs' })
  NATS_URL = 'nats://127.0.0.1:4222';

  /** Each service passes its own default (gateway 8080, intake 8081, ...). */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'PORT must be an integer between 1 and 65535' })
  @Min(1, { message: 'PORT must be an integer between 1 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 1 and 65535' })
  PORT = 8080;

  @Expose()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  /** How long shutdown waits for in-flight work before it stops anyway. */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'SHUTDOWN_TIMEOUT_MS must be an integer from 0 to 600000' })
  @Min(0, { message: 'SHUTDOWN_TIMEOUT_MS must be an integer from 0 to 600000' })
  @Max(600_000, { message: 'SHUTDOWN_TIMEOUT_MS must be an integer from 0 to 600000' })
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /**
   * How many JetStream servers keep a copy of each stream and lease bucket the service creates:
   * 1 on a single server, 3 in a 3-node cluster so that they outlive the loss of a node.
   */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'JETSTREAM_REPLICAS must be an integer from 1 to 5' })
  @Min(1, { message: 'JETSTREAM_REPLICAS must be an integer from 1 to 5' })
  @Max(5, { message: 'JETSTREAM_REPLICAS must be an integer from 1 to 5' })
  JETSTREAM_REPLICAS = 1;

  /**
   * The service's own NATS user and password: the server's configuration gives each service the
   * subjects it may publish and subscribe to (deploy/nats/). Unset on a server without users.
   */
  @Expose()
  @IsOptional()
  @IsString({ message: 'NATS_USER must be a user name' })
  @MinLength(1, { message: 'NATS_USER must be a user name' })
  NATS_USER?: string;

  @Expose()
  @IsOptional()
  @IsString({ message: 'NATS_PASSWORD must be a password' })
  @MinLength(1, { message: 'NATS_PASSWORD must be a password' })
  NATS_PASSWORD?: string;

  /**
   * A real identity provider: tokens are verified against the keys at this JWKS URL, and must
   * carry AUTH_ISSUER and AUTH_AUDIENCE. Unset: a development key (AUTH_DEV_KEY_DIR) signs and
   * verifies tokens, and `npm start` writes one token per role to data/dev-tokens.json.
   */
  @Expose()
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL?: string;

  @Expose()
  @IsOptional()
  @IsString({ message: 'AUTH_ISSUER must be the issuer (iss) the tokens carry' })
  AUTH_ISSUER?: string;

  @Expose()
  @IsOptional()
  @IsString({ message: 'AUTH_AUDIENCE must be the audience (aud) the tokens carry' })
  AUTH_AUDIENCE?: string;

  /** Where the development signing key lives when no AUTH_JWKS_URL is set; made on first start. */
  @Expose()
  @IsString({ message: 'AUTH_DEV_KEY_DIR must be a directory path' })
  AUTH_DEV_KEY_DIR = './data/dev-auth';
}
