import { BLUEHELM_TOPOLOGY, ensureEventsStream } from '@bluehelm/messaging';
import type { EventStore } from '@bluehelm/event-store';
import { EVENT_STORE, SERVICE_CONFIG, SERVICE_NAME, serviceRelay, type ServiceConfig, type ServiceRelay } from '@bluehelm/service-kit';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { INCIDENT_STREAM_CATEGORY } from '../incidents/incident.events.js';
import { IntakeNatsConnection } from '../nats/intake-nats.connection.js';
import { EventsStreamUnavailableError } from './events-stream-unavailable.error.js';

/** The relay's checkpoint name in the event store, shared by every intake replica. */
export const INTAKE_RELAY_NAME = 'intake-relay';

/**
 * Publishes every event of the incident streams to JetStream (BLUEHELM_EVENTS, subject
 * `bluehelm.events.incident.<EventType>`, Nats-Msg-Id = event id), from its checkpoint on.
 * Every replica runs one, on a thread of its own (see serviceRelay), and the holder of the lease
 * `relay-incident` relays. Stopped before the NATS connection drains, once the appends in flight
 * are done.
 */
@Injectable()
export class IncidentRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IncidentRelayService.name);
  private relay: ServiceRelay | undefined;

  constructor(
    private readonly nats: IntakeNatsConnection,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SERVICE_NAME) private readonly serviceName: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const connection = this.nats.connection;
    try {
      await ensureEventsStream(await jetstreamManager(connection), BLUEHELM_TOPOLOGY, { replicas: this.config.JETSTREAM_REPLICAS });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new EventsStreamUnavailableError(BLUEHELM_TOPOLOGY.eventsStream, reason);
    }
    this.relay = serviceRelay({
      name: INTAKE_RELAY_NAME,
      categories: [INCIDENT_STREAM_CATEGORY],
      serviceName: this.serviceName,
      config: this.config,
      store: this.store,
      jetstream: jetstream(connection),
      logger: this.logger,
    });
    await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
