import { ANALYTICS_INDICATORS_CHANGED_SUBJECT } from '@bluehelm/contracts';
import { WorkSources } from '@bluehelm/service-kit';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { gatewayStoppingProblem, messagingUnavailableProblem } from '../problems/gateway-problems.js';
import { ProblemException } from '../problems/problem.exception.js';
import { isIndicatorChange, type IndicatorChange } from './indicator-change.js';
import { SERVICES_CLIENT, type ServicesClient } from './services-client.provider.js';

interface SharedSubscription {
  readonly subscription: Subscription;
  /** Settles once the server has answered a round trip after the subscription, so has taken it. */
  readonly acknowledged: Promise<void>;
}

/** One listener of the feed: an open `GET /v1/analytics/stream`. */
export interface IndicatorListener {
  deliver(change: IndicatorChange): void;
  /** The feed ends (the gateway stops): the listener should let its client go. */
  end(): void;
}

/**
 * The analytics service's indicator changes (plain JSON on core NATS), fanned out to every open
 * stream. One subscription serves all listeners: it is made when the first one joins and ended
 * when the last one leaves, so that an idle gateway holds no interest in the subject. When the
 * gateway stops, every listener is ended at once (a client reconnects to another replica) rather
 * than kept until the connections are cut.
 */
@Injectable()
export class IndicatorFeed {
  private readonly logger = new Logger(IndicatorFeed.name);
  private readonly listeners = new Set<IndicatorListener>();
  private subscription: SharedSubscription | undefined;
  private stopped = false;

  constructor(
    @Inject(SERVICES_CLIENT) private readonly client: ServicesClient,
    workSources: WorkSources,
  ) {
    workSources.register({ name: 'analytics indicator streams', stopTakingWork: async () => this.stop() });
  }

  /**
   * Adds a listener, subscribing if it is the first; answers how to leave. Once it resolves, the
   * NATS server knows of the subscription, so nothing published from then on is missed. Throws a
   * 503 problem when NATS cannot be reached or the gateway is stopping.
   */
  async join(listener: IndicatorListener): Promise<() => void> {
    if (this.stopped) throw new ProblemException(gatewayStoppingProblem());
    this.listeners.add(listener);
    try {
      await this.client.connect();
    } catch (error) {
      this.listeners.delete(listener);
      this.logger.warn(`no NATS connection for the indicator stream: ${error instanceof Error ? error.message : String(error)}`);
      throw new ProblemException(messagingUnavailableProblem());
    }
    // The gateway may have begun to stop, and let the listener go, while the connection was made.
    if (this.listeners.has(listener)) {
      this.subscription ??= this.subscribe(this.client.unwrap<NatsConnection>());
      await this.subscription.acknowledged;
    }
    return () => this.leave(listener);
  }

  private leave(listener: IndicatorListener): void {
    this.listeners.delete(listener);
    if (this.listeners.size === 0) this.unsubscribe();
  }

  private subscribe(connection: NatsConnection): SharedSubscription {
    const subscription = connection.subscribe(ANALYTICS_INDICATORS_CHANGED_SUBJECT, {
      callback: (error, message) => {
        if (error) {
          this.logger.warn(`indicator subscription failed: ${error.message}`);
          if (this.subscription?.subscription === subscription) this.subscription = undefined;
          return;
        }
        this.relay(message);
      },
    });
    // Not taken yet only when the connection is down; it is sent again when it is back.
    const acknowledged = connection.flush().catch((error: unknown) => {
      this.logger.warn(`indicator subscription not confirmed: ${error instanceof Error ? error.message : String(error)}`);
    });
    return { subscription, acknowledged };
  }

  private relay(message: Msg): void {
    let change: unknown;
    try {
      change = message.json<unknown>();
    } catch {
      change = undefined;
    }
    if (!isIndicatorChange(change)) {
      this.logger.warn(`dropped a message on ${message.subject} that is no indicator change`);
      return;
    }
    for (const listener of [...this.listeners]) listener.deliver(change);
  }

  private unsubscribe(): void {
    const subscription = this.subscription?.subscription;
    this.subscription = undefined;
    if (subscription === undefined || subscription.isClosed()) return;
    try {
      subscription.unsubscribe();
    } catch (error) {
      // The connection is already closed, and the server has forgotten the interest with it.
      this.logger.debug(`indicator subscription already gone: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private stop(): void {
    this.stopped = true;
    this.unsubscribe();
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const listener of listeners) listener.end();
  }
}
