import { EVENTS_STREAM, eventSubjectFilter } from '@bluehelm/contracts';
import { connectNats, consumerJetStream, DurableEventConsumer, ensureDeadLetterStream, ensureEventsStream } from '@bluehelm/messaging';
import { InFlightWork, natsCredentialsOf, SERVICE_CONFIG, WorkSources } from '@bluehelm/service-kit';
import type { NatsConnection } from '@nats-io/transport-node';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { NotificationConfig } from '../config/notification-config.js';
import { NotifiableEventHandler } from './notifiable-event.handler.js';
import { ProcessedEventStore } from './processed-event.store.js';

/** Every replica uses this durable, so each event is handled by one of them. */
export const NOTIFICATION_DURABLE = 'notification';

/**
 * Consumes every integration event (`bluehelm.events.>`) from JetStream with the durable pull
 * consumer `notification`, idempotently by event id (processed_events in the service's database).
 */
@Injectable()
export class EventConsumerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumerService.name);
  private connection: NatsConnection | undefined;
  private consumer: DurableEventConsumer | undefined;

  constructor(
    private readonly handler: NotifiableEventHandler,
    private readonly processedEvents: ProcessedEventStore,
    private readonly inFlight: InFlightWork,
    private readonly workSources: WorkSources,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await connectNats({ url: this.config.NATS_URL, name: 'notification-events', ...natsCredentialsOf(this.config) });
    const js = consumerJetStream(this.connection);
    const jsm = await js.jetstreamManager();
    const streamSettings = { replicas: this.config.JETSTREAM_REPLICAS };
    await ensureEventsStream(jsm, undefined, streamSettings);
    await ensureDeadLetterStream(jsm, undefined, streamSettings);
    this.consumer = new DurableEventConsumer({
      jetstream: js,
      stream: EVENTS_STREAM,
      durable: NOTIFICATION_DURABLE,
      filterSubject: eventSubjectFilter(),
      handler: (event, delivery) => this.inFlight.run(() => this.handler.handle(event, delivery)),
      processedEvents: this.processedEvents,
      ackWaitMs: this.config.EVENTS_ACK_WAIT_MS,
      onError: (error, during) => this.logger.warn(`event consumer, ${during}: ${error instanceof Error ? error.message : String(error)}`),
    });
    await this.consumer.start();
    this.workSources.register({ name: 'notification-events', stopTakingWork: () => this.stop() });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
    await this.connection?.drain().catch(() => undefined);
  }

  private async stop(): Promise<void> {
    await this.consumer?.stop();
  }
}
