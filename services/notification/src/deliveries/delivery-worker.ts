import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { InFlightWork, SERVICE_CONFIG, WorkSources } from '@bluehelm/service-kit';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { NotificationConfig } from '../config/notification-config.js';
import type { ClaimedDelivery } from './delivery.records.js';
import { messageOf, type DeliverySender, type SendOutcome } from './delivery-sender.js';
import { DeliveryStore } from './delivery.store.js';
import { EmailSender } from './email.sender.js';
import { afterFailure, type RetryPolicy } from './retry-policy.js';
import { WebhookSender } from './webhook.sender.js';

/** Time a lease outlives the longest attempt, so that a live sender never loses its delivery. */
const LEASE_GRACE_MS = 2_000;

/**
 * Sends due deliveries, up to DELIVERY_CONCURRENCY at a time, and records each attempt's outcome.
 * Wakes when new deliveries are recorded and otherwise looks every DELIVERY_POLL_MS (retries come
 * due that way). Each claim is a lease for the attempt's time limit plus a grace: a replica that
 * dies mid-attempt leaves its deliveries to be taken up when the lease has run out.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly owner = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly policy: RetryPolicy;
  private readonly leaseMs: number;
  private running = false;
  private active = 0;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private wakeRequested = false;

  constructor(
    private readonly store: DeliveryStore,
    private readonly webhooks: WebhookSender,
    private readonly emails: EmailSender,
    private readonly inFlight: InFlightWork,
    private readonly workSources: WorkSources,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationConfig,
  ) {
    this.policy = {
      maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
      initialDelayMs: config.DELIVERY_BACKOFF_INITIAL_MS,
      maxDelayMs: config.DELIVERY_BACKOFF_MAX_MS,
    };
    this.leaseMs = config.DELIVERY_TIMEOUT_MS + LEASE_GRACE_MS;
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
    this.workSources.register({ name: 'notification-deliveries', stopTakingWork: () => this.stop() });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Looks for due deliveries now rather than at the next poll. */
  wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  /** Stops claiming; the attempts under way finish (they are in-flight work the shutdown waits for). */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      let claimed: ClaimedDelivery[] = [];
      try {
        claimed = await this.store.claimDue(this.owner, new Date(), this.leaseMs, this.config.DELIVERY_CONCURRENCY - this.active);
      } catch (error) {
        this.logger.warn(`claiming deliveries failed: ${messageOf(error)}`);
      }
      for (const delivery of claimed) void this.attempt(delivery);
      // A full batch may mean more are due: look again as soon as a slot frees up.
      if (claimed.length === 0 || this.active >= this.config.DELIVERY_CONCURRENCY) await this.pause();
    }
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    this.active += 1;
    const done = this.inFlight.begin();
    try {
      const outcome = await this.senderFor(delivery).send(delivery).catch(
        (error: unknown): SendOutcome => ({ delivered: false, permanent: false, error: messageOf(error) }),
      );
      await this.record(delivery, outcome);
    } catch (error) {
      // The lease runs out and the delivery is attempted again: at least once, never lost.
      this.logger.warn(`recording attempt ${delivery.attemptNumber} of ${delivery.deliveryId} failed: ${messageOf(error)}`);
    } finally {
      done();
      this.active -= 1;
      this.wake();
    }
  }

  private async record(delivery: ClaimedDelivery, outcome: SendOutcome): Promise<void> {
    const now = new Date();
    if (outcome.delivered) {
      await this.store.recordSuccess(delivery, this.owner, outcome, now);
      return;
    }
    const next = outcome.permanent ? ({ kind: 'dead' } as const) : afterFailure(this.policy, delivery.roundAttempt, Math.random);
    await this.store.recordFailure(delivery, this.owner, outcome, next, now);
    if (next.kind === 'dead') {
      this.logger.warn(`notification ${delivery.deliveryId} to ${delivery.address} is a dead letter: ${outcome.error}`);
    }
  }

  private senderFor(delivery: ClaimedDelivery): DeliverySender {
    switch (delivery.channel) {
      case 'webhook':
        return this.webhooks;
      case 'email':
        return this.emails;
      default: {
        const unknown: never = delivery.channel;
        throw new Error(`unknown channel ${String(unknown)}`);
      }
    }
  }

  private pause(): Promise<void> {
    if (!this.running || this.wakeRequested) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(finish, this.config.DELIVERY_POLL_MS);
      function finish(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        finish();
      };
    });
  }
}
