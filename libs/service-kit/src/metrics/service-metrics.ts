import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const HTTP_REQUEST_DURATION_METRIC = 'http_request_duration_seconds';
export const NATS_MESSAGES_METRIC = 'nats_messages_total';

export type NatsMessageOutcome = 'ok' | 'error';

/** The Prometheus registry of one service: process defaults plus HTTP and NATS traffic. */
export class ServiceMetrics {
  // A registry per service rather than prom-client's global one, so that tests can build
  // several applications in one process without "metric already registered" errors.
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: HTTP_REQUEST_DURATION_METRIC,
    help: 'HTTP request duration in seconds, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly natsMessages = new Counter({
    name: NATS_MESSAGES_METRIC,
    help: 'NATS messages handled, by subject and outcome',
    labelNames: ['subject', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(serviceName: string) {
    this.registry.setDefaultLabels({ service: serviceName });
    collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
