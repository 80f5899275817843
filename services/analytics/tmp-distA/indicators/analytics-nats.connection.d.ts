import { type ServiceConfig } from '@bluehelm/service-kit';
import type { NatsConnection } from '@nats-io/transport-node';
import { type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
/**
 * The service's own NATS connection for plain-JSON publishes, which the NestJS transport would
 * wrap in its envelope. Drained last, after the projector has stopped.
 */
export declare class AnalyticsNatsConnection implements OnModuleInit, OnApplicationShutdown {
    private readonly config;
    private readonly serviceName;
    private current;
    constructor(config: ServiceConfig, serviceName: string);
    get connection(): NatsConnection;
    onModuleInit(): Promise<void>;
    onApplicationShutdown(): Promise<void>;
}
//# sourceMappingURL=analytics-nats.connection.d.ts.map