import type { ServiceConfig } from '../config/service-config.js';

/** A NATS user and password as the NATS clients take them (`user`, `pass`). */
export interface NatsUserCredentials {
  readonly user?: string;
  readonly pass?: string;
}

/**
 * The service's own NATS user (NATS_USER, NATS_PASSWORD), for every NATS connection it makes:
 * spread it into the connection settings, e.g. `connectNats({ url, name, ...natsCredentialsOf(config) })`.
 * Empty when NATS_USER is unset (a server without users).
 */
export function natsCredentialsOf(config: Pick<ServiceConfig, 'NATS_USER' | 'NATS_PASSWORD'>): NatsUserCredentials {
  if (config.NATS_USER === undefined) return {};
  return { user: config.NATS_USER, ...(config.NATS_PASSWORD !== undefined && { pass: config.NATS_PASSWORD }) };
}
