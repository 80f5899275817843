/**
 * Case-tracking's side of JetStream: it relays the `case` category of the event log to
 * BLUEHELM_EVENTS, and opens cases from the IncidentReported events intake relays there.
 */
import {
  CASE_STREAM_CATEGORY,
  eventSubjectOf,
  EVENTS_STREAM,
  INCIDENT_REPORTED,
  INCIDENT_STREAM_CATEGORY,
} from '@bluehelm/contracts';
import type { EventStore } from '@bluehelm/event-store';
import { connectNats, consumerJetStream, DurableEventConsumer, ensureDeadLetterStream, ensureEventsStream, InMemoryProcessedEventLog } from '@bluehelm/messaging';
import { EVENT_STORE, natsCredentialsOf, SERVICE_CONFIG, SERVICE_NAME, ServiceConfig, serviceRelay, type ServiceRelay } from '@bluehelm/service-kit';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CaseOpener } from '../case-opening/case-opener.js';

export const CASE_RELAY_CHECKPOINT = 'case-tracking-relay';
export const INCIDENT_CONSUMER_DURABLE = 'case-tracking-incidents';

@Injectable()
export class IntegrationEventsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IntegrationEventsService.name);
  private connection: NatsConnection | undefined;
  private relay: ServiceRelay | undefined;
  private consumer: DurableEventConsumer | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SERVICE_NAME) private readonly serviceName: string,
    private readonly opener: CaseOpener,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await connectNats({ url: this.config.NATS_URL, name: 'case-tracking-jetstream', ...natsCredentialsOf(this.config) });
    const js = consumerJetStream(this.connection);
    const jsm = await js.jetstreamManager();
    const replicas = this.config.JETSTREAM_REPLICAS;
    await ensureEventsStream(jsm, undefined, { replicas });
    // An incident the consumer keeps failing on ends up here, where an operator can see it.
    await ensureDeadLetterStream(jsm, undefined, { replicas });
    // Every replica contends, on a thread of its own; the holder of the lease `relay-case` relays.
    this.relay = serviceRelay({
      name: CASE_RELAY_CHECKPOINT,
      categories: [CASE_STREAM_CATEGORY],
      serviceName: this.serviceName,
      config: this.config,
      store: this.store,
      jetstream: js,
      logger: this.logger,
    });
    this.consumer = new DurableEventConsumer({
      jetstream: js,
      stream: EVENTS_STREAM,
      durable: INCIDENT_CONSUMER_DURABLE,
      filterSubject: eventSubjectOf(INCIDENT_STREAM_CATEGORY, INCIDENT_REPORTED),
      handler: (event) => this.opener.handle(event),
      // Forgotten on restart, which is harmless: a repeated OpenCase decides nothing.
      processedEvents: new InMemoryProcessedEventLog(),
      onError: (error, during) => this.logger.warn(`incident consumer, ${during}: ${messageOf(error)}`),
    });
    await this.relay.start();
    await this.consumer.start();
  }

  /** Before the event store closes: the consumer may still be appending what it pulled. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.relay?.stop();
    await this.connection?.drain().catch(() => undefined);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
