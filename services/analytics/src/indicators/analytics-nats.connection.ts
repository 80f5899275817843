import { connectNats } from '@bluehelm/messaging';
import { natsCredentialsOf, SERVICE_CONFIG, SERVICE_NAME, type ServiceConfig } from '@bluehelm/service-kit';
import type { NatsConnection } from '@nats-io/transport-node';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

/**
 * The service's own NATS connection for plain-JSON publishes, which the NestJS transport would
 * wrap in its envelope. Drained last, after the projector has stopped.
 */
@Injectable()
export class AnalyticsNatsConnection implements OnModuleInit, OnApplicationShutdown {
  private current: NatsConnection | undefined;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SERVICE_NAME) private readonly serviceName: string,
  ) {}

  get connection(): NatsConnection {
    if (!this.current) throw new Error('the analytics NATS connection is not open yet');
    return this.current;
  }

  async onModuleInit(): Promise<void> {
    this.current = await connectNats({ url: this.config.NATS_URL, name: `${this.serviceName}-indicators`, ...natsCredentialsOf(this.config) });
  }

  async onApplicationShutdown(): Promise<void> {
    const connection = this.current;
    if (!connection || connection.isClosed() || connection.isDraining()) return;
    await connection.drain();
  }
}
