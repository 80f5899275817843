import { BLUEHELM_TOPOLOGY, ensureEventsStream, LedRelay } from '@bluehelm/messaging';
import type { EventStore } from '@bluehelm/event-store';
import { EVENT_STORE, SERVICE_CONFIG, type ServiceConfig } from '@bluehelm/service-kit';
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
 * Every replica runs one, and the holder of the lease `relay-incident` relays. Stopped before the
 * NATS connection drains, once the appends in flight are done.
 */
@Injectable()
export class IncidentRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IncidentRelayService.name);
  private relay: LedRelay | undefined;

  constructor(
    private readonly nats: IntakeNatsConnection,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const connection = this.nats.connection;
    const replicas = this.config.JETSTREAM_REPLICAS;
    try {
      await ensureEventsStream(await jetstreamManager(connection), BLUEHELM_TOPOLOGY, { replicas });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new EventsStreamUnavailableError(BLUEHELM_TOPOLOGY.eventsStream, reason);
    }
    this.relay = new LedRelay({
      name: INTAKE_RELAY_NAME,
      store: this.store,
      jetstream: jetstream(connection),
      categories: [INCIDENT_STREAM_CATEGORY],
      lease: { replicas },
      onError: (error, during) =>
        this.logger.warn(`incident relay ${during} failed, retrying: ${error instanceof Error ? error.message : String(error)}`),
      onLeadershipChange: (leading, holder) =>
        this.logger.log(`${holder} ${leading ? 'now relays' : 'no longer relays'} the incident events`),
    });
    await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
