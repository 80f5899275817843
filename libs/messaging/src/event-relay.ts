import {
  streamCategory,
  type CheckpointStore,
  type EventStore,
  type EventSubscription,
  type RecordedEvent,
} from '@bluehelm/event-store';
import type { JetStreamClient } from '@nats-io/jetstream';
import { AlreadyStartedError } from './errors.js';
import { encodeIntegrationEvent, toIntegrationEvent } from './integration-event.js';
import { BLUEHELM_TOPOLOGY, integrationEventSubject } from './jetstream-subjects.js';
import { PublishWindow } from './publish-window.js';
import { RelayCheckpointWriter, type CheckpointPolicy } from './relay-checkpoint.writer.js';
import { backoffDelayMs, DEFAULT_RETRY_BACKOFF, pause, type RetryBackoff } from './retry-backoff.js';

export interface EventRelayOptions {
  /** The relay's checkpoint name in the event store: one per service, shared by its replicas. */
  readonly name: string;
  readonly store: EventStore;
  readonly jetstream: JetStreamClient;
  /** Stream categories this relay publishes (`incident`, `case`); other streams are left alone. */
  readonly categories: readonly string[];
  /** Default `bluehelm`. */
  readonly subjectPrefix?: string;
  /** How long one publish waits for JetStream's acknowledgement. Default 5000. */
  readonly publishTimeoutMs?: number;
  /** How many publishes may wait for their acknowledgement at once (see PublishWindow). Default 64. */
  readonly publishWindow?: number;
  readonly checkpoint?: CheckpointPolicy;
  /**
   * Where the checkpoint is loaded from and saved to; default `store.checkpoints`. A led relay
   * passes one that refuses to save once its lease is gone, so a former leader cannot move the
   * checkpoint behind the new leader's.
   */
  readonly checkpoints?: CheckpointStore;
  /** Between attempts of a publish that failed, and before reopening a failed subscription. */
  readonly retry?: RetryBackoff;
  /** Told about every failure the relay recovers from by retrying (for logs and metrics). */
  readonly onError?: (error: unknown, during: RelayActivity) => void;
}

export type RelayActivity = 'publish' | 'subscription' | 'checkpoint';

export interface EventRelayStatus {
  readonly running: boolean;
  /** Events acknowledged by JetStream since start, duplicates included. */
  readonly publishedCount: number;
  /** Of those, the ones JetStream already had (a replay after a restart). */
  readonly duplicateCount: number;
  /** Position of the last acknowledged event. */
  readonly lastPosition: number | undefined;
  /** Position saved in the checkpoint store; never ahead of `lastPosition`. */
  readonly checkpointPosition: number | undefined;
}

/**
 * Follows some categories of the event log and publishes each event to JetStream, in log order,
 * with `Nats-Msg-Id` = event id, several publishes waiting for their acknowledgements at once
 * (PublishWindow; a stream's events never overtake each other). The checkpoint is saved only for
 * acknowledged events, so after a crash the relay republishes from there and JetStream's duplicate
 * window drops the copies: every event arrives, once. A publish that fails is retried (with
 * backoff) until it succeeds; the relay never skips an event.
 */
export class EventRelay {
  private readonly categories: ReadonlySet<string>;
  private readonly subjectPrefix: string;
  private readonly publishTimeoutMs: number;
  private readonly retry: RetryBackoff;
  private stopping = false;
  private abort = new AbortController();
  private loop: Promise<void> | undefined;
  private subscription: EventSubscription | undefined;
  private checkpoint: RelayCheckpointWriter | undefined;
  private published = 0;
  private duplicates = 0;
  private lastAcked: number | undefined;

  constructor(private readonly options: EventRelayOptions) {
    if (options.categories.length === 0) throw new RangeError(`relay ${options.name} follows no category`);
    this.categories = new Set(options.categories);
    this.subjectPrefix = options.subjectPrefix ?? BLUEHELM_TOPOLOGY.subjectPrefix;
    this.publishTimeoutMs = options.publishTimeoutMs ?? 5000;
    this.retry = options.retry ?? DEFAULT_RETRY_BACKOFF;
  }

  /** Loads the checkpoint and starts relaying in the background; resolves once started. */
  async start(): Promise<void> {
    if (this.loop) throw new AlreadyStartedError(`event relay ${this.options.name}`);
    const checkpoints = this.options.checkpoints ?? this.options.store.checkpoints;
    const saved = await checkpoints.load(this.options.name);
    this.checkpoint = new RelayCheckpointWriter(
      checkpoints,
      this.options.name,
      saved,
      { everyEvents: this.options.checkpoint?.everyEvents ?? 1000, everyMs: this.options.checkpoint?.everyMs ?? 1000 },
      (error) => this.report(error, 'checkpoint'),
    );
    this.lastAcked = saved;
    this.stopping = false;
    this.abort = new AbortController();
    this.loop = this.run();
  }

  /**
   * Graceful stop: lets an in-flight publish finish (a failed one is not retried any more),
   * saves the checkpoint of the last acknowledged event and closes the subscription.
   */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.abort.abort();
    // Wakes a subscription waiting for new events; the loop closes it again, which is harmless.
    await this.subscription?.close().catch(() => undefined);
    await this.loop;
    this.loop = undefined;
  }

  status(): EventRelayStatus {
    return {
      running: this.loop !== undefined && !this.stopping,
      publishedCount: this.published,
      duplicateCount: this.duplicates,
      lastPosition: this.lastAcked,
      checkpointPosition: this.checkpoint?.savedPosition,
    };
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let subscription: EventSubscription | undefined;
      try {
        // Resumes after the last acknowledged event, so reopening never republishes needlessly.
        subscription = this.options.store.subscribeToAll({
          fromPosition: this.lastAcked ?? 'start',
          filter: { streamPrefixes: [...this.categories].map((category) => `${category}-`) },
        });
        this.subscription = subscription;
        const window = new PublishWindow(
          this.options.publishWindow ?? 64,
          (event) => this.publishUntilAcknowledged(event),
          (event) => this.acknowledged(event),
        );
        try {
          for await (const event of subscription) {
            const sent = await window.send(event);
            failures = 0;
            if (!sent || this.stopping) break;
          }
        } finally {
          // Reopening resumes after the last acknowledged event: nothing may still be in flight.
          await window.drain();
        }
      } catch (error) {
        if (!this.stopping) this.report(error, 'subscription');
      } finally {
        await subscription?.close().catch((error: unknown) => this.report(error, 'subscription'));
      }
      // A catch-up subscription only ends when it fails or is closed: wait before reopening.
      if (!this.stopping) await pause(backoffDelayMs(this.retry, failures++), this.abort.signal);
    }
    await this.checkpoint?.close();
  }

  /** Resolves true once JetStream has the event, false if the relay stopped first. */
  private async publishUntilAcknowledged(event: RecordedEvent): Promise<boolean> {
    const category = streamCategory(event.streamName);
    if (this.categories.has(category)) {
      const subject = integrationEventSubject(this.subjectPrefix, category, event.type);
      const payload = encodeIntegrationEvent(toIntegrationEvent(event));
      for (let attempt = 0; ; attempt++) {
        try {
          const ack = await this.options.jetstream.publish(subject, payload, {
            msgID: event.id,
            timeout: this.publishTimeoutMs,
          });
          this.published += 1;
          if (ack.duplicate) this.duplicates += 1;
          break;
        } catch (error) {
          this.report(error, 'publish');
          if (this.stopping) return false;
          await pause(backoffDelayMs(this.retry, attempt), this.abort.signal);
          if (this.stopping) return false;
        }
      }
    }
    return true;
  }

  /** Told in log order, once this event and every one before it are in JetStream. */
  private async acknowledged(event: RecordedEvent): Promise<void> {
    this.lastAcked = event.position;
    await this.checkpoint?.acknowledged(event.position);
  }

  private report(error: unknown, during: RelayActivity): void {
    this.options.onError?.(error, during);
  }
}
