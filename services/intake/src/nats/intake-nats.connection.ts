import { connectNats } from '@bluehelm/messaging';
import { natsCredentialsOf, SERVICE_CONFIG, SERVICE_NAME, type ServiceConfig } from '@bluehelm/service-kit';
import type { NatsConnection } from '@nats-io/transport-node';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

/**
 * Intake's own NATS connection, for what the NestJS transport cannot do: the plain-JSON report
 * subject and JetStream. Opened before any component starts (module init) and drained last
 * (application shutdown), after the relay has stopped and the replies in flight have gone out.
 */
@Injectable()
export class IntakeNatsConnection implements OnModuleInit, OnApplicationShutdown {
  private current: NatsConnection | undefined;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SERVICE_NAME) private readonly serviceName: string,
  ) {}

  get connection(): NatsConnection {
    if (!this.current) throw new Error('the intake NATS connection is not open yet');
    return this.current;
  }

  async onModuleInit(): Promise<void> {
    this.current = await connectNats({ url: this.config.NATS_URL, name: `${this.serviceName}-intake`, ...natsCredentialsOf(this.config) });
  }

  async onApplicationShutdown(): Promise<void> {
    const connection = this.current;
    if (!connection || connection.isClosed() || connection.isDraining()) return;
    await connection.drain();
  }
}
