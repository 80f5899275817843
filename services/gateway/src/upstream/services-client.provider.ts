import { natsClientProvider, type NatsRequestClient } from '@bluehelm/messaging';
import { natsCredentialsOf, SERVICE_CONFIG } from '@bluehelm/service-kit';
import type { GatewayConfig } from '../config/gateway-config.js';

/**
 * The gateway's NATS client for requests to the services: the NestJS transport for their
 * message patterns, and its connection for intake's plain-JSON report subject. Every request
 * gives up after NATS_REQUEST_TIMEOUT_MS.
 */
export const SERVICES_CLIENT = Symbol('SERVICES_CLIENT');

export type ServicesClient = NatsRequestClient;

export const servicesClientProvider = natsClientProvider(SERVICES_CLIENT, {
  inject: [SERVICE_CONFIG],
  useFactory: (config: GatewayConfig) => ({
    url: config.NATS_URL,
    name: 'gateway-requests',
    requestTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
    ...natsCredentialsOf(config),
  }),
});
