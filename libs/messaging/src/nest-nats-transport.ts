import { Transport, type NatsOptions } from '@nestjs/microservices';
import { NATS_CLIENT_SETTINGS, natsCredentialOptions, parseNatsServers, type NatsCredentials } from './nats-connection.js';

export interface NatsMicroserviceSettings extends NatsCredentials {
  /** One server or a comma-separated list (the `NATS_URL` setting). */
  readonly url: string;
  /**
   * The queue group every replica of the service joins: each request then reaches exactly one
   * replica. Use the service name (`case-tracking`), the same for all its replicas.
   */
  readonly queue: string;
  /** Connection name shown by the server's monitoring pages. */
  readonly name?: string;
  /**
   * On shutdown a replica first leaves the queue group, then waits this long for the requests
   * it already took to finish before it disconnects. Default 5000.
   */
  readonly shutdownGracePeriodMs?: number;
}

export type NatsMicroserviceOptions = NatsOptions & { transport: Transport.NATS };

/** Options for `NestFactory.createMicroservice` / `app.connectMicroservice` over core NATS. */
export function natsMicroserviceOptions(settings: NatsMicroserviceSettings): NatsMicroserviceOptions {
  return {
    transport: Transport.NATS,
    options: {
      servers: parseNatsServers(settings.url),
      queue: settings.queue,
      ...(settings.name !== undefined ? { name: settings.name } : {}),
      ...natsCredentialOptions(settings),
      ...NATS_CLIENT_SETTINGS,
      gracefulShutdown: true,
      gracePeriod: settings.shutdownGracePeriodMs ?? 5000,
    },
  };
}
