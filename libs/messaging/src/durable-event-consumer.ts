import {
  AckPolicy,
  DeliverPolicy,
  type ConsumerMessages,
  type JetStreamClient,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { deadLetterMessageId, deadLetterOf } from './dead-letter.js';
import { AlreadyStartedError } from './errors.js';
import { decodeIntegrationEvent, type IntegrationEvent } from './integration-event.js';
import { assertJetStreamName, BLUEHELM_TOPOLOGY, deadLetterSubject } from './jetstream-subjects.js';
import type { ProcessedEventLog } from './processed-event-log.js';
import { backoffDelayMs, DEFAULT_RETRY_BACKOFF, pause, type RetryBackoff } from './retry-backoff.js';

export interface IntegrationEventDelivery {
  readonly subject: string;
  readonly streamSequence: number;
  /** 1 on the first delivery. */
  readonly deliveryCount: number;
}

/** Handles one event; a rejection means "not handled" and the event is delivered again later. */
export type IntegrationEventHandler = (event: IntegrationEvent, delivery: IntegrationEventDelivery) => Promise<void>;

export interface DurableEventConsumerOptions {
  readonly jetstream: JetStreamClient;
  readonly stream: string;
  /** Shared by every replica of the consuming service: each event goes to one of them. */
  readonly durable: string;
  /** One subject filter (NATS 2.9 allows one per consumer), e.g. `bluehelm.events.case.>`. */
  readonly filterSubject: string;
  readonly handler: IntegrationEventHandler;
  readonly processedEvents: ProcessedEventLog;
  /** Deliveries before a failing event is dead-lettered. Default 5. */
  readonly maxDeliver?: number;
  /** How long JetStream waits for an ack before delivering again. Default 30000. */
  readonly ackWaitMs?: number;
  /** Delay of the redelivery after a failure, growing per delivery. Default 1 s doubling to 60 s. */
  readonly redelivery?: RetryBackoff;
  /** Dead letters go to `<subjectPrefix>.dead-letters.<durable>`. Default `bluehelm`. */
  readonly subjectPrefix?: string;
  /** Messages pulled ahead of the handler. Default 10. */
  readonly batchSize?: number;
  /**
   * How long one pull request lives on the server. A pull request held by a consumer leader that
   * dies (a lost node of a cluster) is noticed only after two idle heartbeats of half this time
   * are missed, and the client waits as long again between its asks for the new leader, so it
   * bounds how long consumption stalls after a node loss. Default 2000: an idle consumer then
   * pulls every 2 s, a negligible load, and resumes within seconds of a new leader.
   */
  readonly pullExpiresMs?: number;
  /** Told about each failure the consumer recovers from (for logs and metrics). */
  readonly onError?: (error: unknown, during: ConsumerActivity) => void;
}

const DEFAULT_PULL_EXPIRES_MS = 2_000;

export type ConsumerActivity = 'handler' | 'ack' | 'dead-letter' | 'consume';

export interface DurableEventConsumerStatus {
  readonly running: boolean;
  readonly handledCount: number;
  /** Deliveries acknowledged without calling the handler: the event was already processed. */
  readonly skippedDuplicateCount: number;
  readonly failedCount: number;
  readonly deadLetteredCount: number;
}

/**
 * A durable pull consumer of integration events with explicit acks. A handled event is recorded
 * in the ProcessedEventLog and acknowledged; a failure is nak-ed with a growing delay; the last
 * allowed delivery failing publishes a dead letter and terminates the message. A message that is
 * not an integration event is dead-lettered at once.
 */
export class DurableEventConsumer {
  private readonly maxDeliver: number;
  private readonly ackWaitMs: number;
  private readonly redelivery: RetryBackoff;
  private readonly deadLetterSubject: string;
  private stopping = false;
  private abort = new AbortController();
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private counts = { handled: 0, skippedDuplicate: 0, failed: 0, deadLettered: 0 };

  constructor(private readonly options: DurableEventConsumerOptions) {
    assertJetStreamName('stream name', options.stream);
    this.maxDeliver = options.maxDeliver ?? 5;
    this.ackWaitMs = options.ackWaitMs ?? 30_000;
    this.redelivery = options.redelivery ?? { initialDelayMs: 1000, maxDelayMs: 60_000 };
    this.deadLetterSubject = deadLetterSubject(options.subjectPrefix ?? BLUEHELM_TOPOLOGY.subjectPrefix, options.durable);
  }

  /** Creates or updates the durable consumer, then handles its messages in the background. */
  async start(): Promise<void> {
    if (this.loop) throw new AlreadyStartedError(`consumer ${this.options.durable}`);
    const { jetstream, stream, durable } = this.options;
    const jsm = await jetstream.jetstreamManager();
    // On NATS 2.9 adding an existing durable updates it, so replicas starting together agree.
    await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(this.ackWaitMs),
      max_deliver: this.maxDeliver,
      filter_subject: this.options.filterSubject,
    });
    this.stopping = false;
    this.abort = new AbortController();
    this.messages = await this.consume();
    this.loop = this.run(this.messages);
  }

  /** Stops pulling, handles the messages already pulled, and returns when they are settled. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.abort.abort();
    await this.messages?.close();
    await this.loop;
    this.loop = undefined;
  }

  status(): DurableEventConsumerStatus {
    return {
      running: this.loop !== undefined && !this.stopping,
      handledCount: this.counts.handled,
      skippedDuplicateCount: this.counts.skippedDuplicate,
      failedCount: this.counts.failed,
      deadLetteredCount: this.counts.deadLettered,
    };
  }

  private async consume(): Promise<ConsumerMessages> {
    const consumer = await this.options.jetstream.consumers.get(this.options.stream, this.options.durable);
    return consumer.consume({ max_messages: this.options.batchSize ?? 10, expires: this.options.pullExpiresMs ?? DEFAULT_PULL_EXPIRES_MS });
  }

  private async run(first: ConsumerMessages): Promise<void> {
    let messages: ConsumerMessages | undefined = first;
    let failures = 0;
    while (!this.stopping) {
      try {
        messages ??= await this.consume();
        this.messages = messages;
        if (this.stopping) await messages.close();
        // After close() the iterator still yields what was already pulled, then ends: a drain.
        for await (const message of messages) {
          await this.settle(message);
          failures = 0;
        }
      } catch (error) {
        if (!this.stopping) this.report(error, 'consume');
      }
      messages = undefined;
      if (!this.stopping) await pause(backoffDelayMs(DEFAULT_RETRY_BACKOFF, failures++), this.abort.signal);
    }
  }

  private async settle(message: JsMsg): Promise<void> {
    let event: IntegrationEvent;
    try {
      event = decodeIntegrationEvent(message.data);
    } catch (error) {
      // Redelivering a malformed message cannot make it well-formed.
      await this.deadLetter(message, error);
      return;
    }
    try {
      if (await this.options.processedEvents.has(event.id)) {
        this.counts.skippedDuplicate += 1;
      } else {
        await this.whileKeepingMessage(message, () => this.options.handler(event, deliveryOf(message)));
        await this.options.processedEvents.record(event.id);
        this.counts.handled += 1;
      }
    } catch (error) {
      this.counts.failed += 1;
      this.report(error, 'handler');
      if (message.info.deliveryCount >= this.maxDeliver) {
        await this.deadLetter(message, error);
      } else {
        message.nak(backoffDelayMs(this.redelivery, message.info.deliveryCount - 1));
      }
      return;
    }
    await this.acknowledge(message);
  }

  private async acknowledge(message: JsMsg): Promise<void> {
    try {
      // Waiting for the server's confirmation makes stop() return only once acks have landed.
      await message.ackAck();
    } catch (error) {
      // The message comes back after ack_wait and is then skipped as already processed.
      this.report(error, 'ack');
    }
  }

  /** Publishes the dead letter (retrying until JetStream has it), then terminates the message. */
  private async deadLetter(message: JsMsg, error: unknown): Promise<void> {
    const letter = deadLetterOf(message, this.options.durable, error, new Date());
    const body = new TextEncoder().encode(JSON.stringify(letter));
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.jetstream.publish(this.deadLetterSubject, body, { msgID: deadLetterMessageId(letter) });
        break;
      } catch (publishError) {
        this.report(publishError, 'dead-letter');
        if (this.stopping) {
          // Left unacknowledged: it stays pending on the consumer rather than being lost.
          return;
        }
        message.working();
        await pause(backoffDelayMs(DEFAULT_RETRY_BACKOFF, attempt), this.abort.signal);
      }
    }
    // No reason text: NATS 2.9 only recognises a bare +TERM (the reason is in the dead letter).
    message.term();
    this.counts.deadLettered += 1;
  }

  /** Keeps JetStream from redelivering the message while a slow handler is still working. */
  private async whileKeepingMessage(message: JsMsg, work: () => Promise<void>): Promise<void> {
    const heartbeat = setInterval(() => message.working(), Math.max(this.ackWaitMs / 2, 100));
    try {
      await work();
    } finally {
      clearInterval(heartbeat);
    }
  }

  private report(error: unknown, during: ConsumerActivity): void {
    this.options.onError?.(error, during);
  }
}

function deliveryOf(message: JsMsg): IntegrationEventDelivery {
  return {
    subject: message.subject,
    streamSequence: message.info.streamSequence,
    deliveryCount: message.info.deliveryCount,
  };
}
