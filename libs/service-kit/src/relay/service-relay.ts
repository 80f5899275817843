import { eventStoreKindOf, type EventStore } from '@bluehelm/event-store';
import { LedRelay, RelayThread } from '@bluehelm/messaging';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { LoggerService } from '@nestjs/common';
import type { ServiceConfig } from '../config/service-config.js';
import { natsCredentialsOf } from '../nats/nats-credentials.js';

/** What a service relays to JetStream, and what its in-process fallback runs on. */
export interface ServiceRelayOptions {
  /** The relay's checkpoint name, shared by the service's replicas. */
  readonly name: string;
  /** The stream categories it publishes, e.g. `incident`. */
  readonly categories: readonly string[];
  /** `<service>-relay` names the thread's NATS connection. */
  readonly serviceName: string;
  readonly config: ServiceConfig;
  /** The service's store and JetStream client: used only when the relay runs in-process. */
  readonly store: EventStore;
  readonly jetstream: JetStreamClient;
  readonly logger: Pick<LoggerService, 'log' | 'warn'>;
}

/** Started once the application is up, stopped before its store and connections close. */
export interface ServiceRelay {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A service's relay of its categories to JetStream, led by one replica at a time (LedRelay). It
 * runs on a thread of its own (RelayThread), off the event loop that answers requests, whenever
 * the thread can open the same event store; on an in-memory store, which only its own thread can
 * see, it runs in-process.
 */
export function serviceRelay(options: ServiceRelayOptions): ServiceRelay {
  const { config, logger } = options;
  const what = `${options.categories.join(', ')} relay`;
  const lease = { replicas: config.JETSTREAM_REPLICAS };
  const onLeadershipChange = (leading: boolean, holder: string) =>
    logger.log(`${holder} ${leading ? 'now relays' : 'no longer relays'} the ${options.categories.join(', ')} events`);
  const warn = (message: string, during: string) => logger.warn(`${what}, ${during}: ${message}`);
  if (eventStoreKindOf(config.EVENT_STORE_URL) === 'memory') {
    return new LedRelay({
      name: options.name,
      store: options.store,
      jetstream: options.jetstream,
      categories: options.categories,
      lease,
      onError: (error, during) => warn(error instanceof Error ? error.message : String(error), during),
      onLeadershipChange,
    });
  }
  return new RelayThread(
    {
      relay: { name: options.name, categories: options.categories, lease },
      eventStoreUrl: config.EVENT_STORE_URL,
      nats: { url: config.NATS_URL, name: `${options.serviceName}-relay`, ...natsCredentialsOf(config) },
    },
    { onError: warn, onLeadershipChange },
  );
}
