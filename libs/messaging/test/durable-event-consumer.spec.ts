import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import {
  DurableEventConsumer,
  encodeIntegrationEvent,
  InMemoryProcessedEventLog,
  integrationEventsFilter,
  integrationEventSubject,
  type DeadLetter,
  type DurableEventConsumerOptions,
  type IntegrationEvent,
  type IntegrationEventHandler,
} from '../src/index.js';
import { createTestJetStream, eventually, type TestJetStream } from './support/jetstream-test-topology.js';

function caseEvent(type: string, position: number): IntegrationEvent {
  const streamName = `case-${randomUUID()}`;
  return { id: randomUUID(), type, streamName, category: 'case', revision: 0, position, data: { position }, metadata: {} };
}

describe('DurableEventConsumer', () => {
  let nats: TestJetStream;
  let js: JetStreamClient;
  const consumers: DurableEventConsumer[] = [];

  beforeEach(async () => {
    nats = await createTestJetStream();
    js = jetstream(nats.nc);
  });

  afterEach(async () => {
    for (const consumer of consumers.splice(0)) await consumer.stop();
    await nats.dispose();
  });

  /** Publishes without a message id, so that JetStream keeps a repeated event twice. */
  async function publish(event: IntegrationEvent): Promise<void> {
    await js.publish(integrationEventSubject(nats.topology.subjectPrefix, event.category, event.type), encodeIntegrationEvent(event));
  }

  async function startConsumer(
    handler: IntegrationEventHandler,
    overrides: Partial<DurableEventConsumerOptions> = {},
  ): Promise<DurableEventConsumer> {
    const consumer = new DurableEventConsumer({
      jetstream: js,
      stream: nats.topology.eventsStream,
      durable: 'notification-cases',
      filterSubject: integrationEventsFilter(nats.topology.subjectPrefix, 'case'),
      subjectPrefix: nats.topology.subjectPrefix,
      processedEvents: new InMemoryProcessedEventLog(),
      handler,
      ...overrides,
    });
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  }

  async function consumerState() {
    const info = await nats.jsm.consumers.info(nats.topology.eventsStream, 'notification-cases');
    return { pending: info.num_pending, ackPending: info.num_ack_pending, redelivered: info.num_redelivered };
  }

  it('calls the handler once for an event delivered twice, and acknowledges both deliveries', async () => {
    const handled: string[] = [];
    const event = caseEvent('CaseOpened', 1);
    await publish(event);
    await publish(event);
    const consumer = await startConsumer(async (received) => {
      handled.push(received.id);
    });

    await eventually(async () => expect(await consumerState()).toMatchObject({ pending: 0, ackPending: 0 }));
    expect(handled).toEqual([event.id]);
    expect(consumer.status()).toMatchObject({ handledCount: 1, skippedDuplicateCount: 1 });
  });

  it('redelivers a failing event with a growing delay, then dead-letters it with the error', async () => {
    const failing = caseEvent('CaseReferred', 1);
    const flaky = caseEvent('CaseClosed', 2);
    const deliveries = new Map<string, { count: number; at: number }[]>();
    const consumer = await startConsumer(
      async (event, delivery) => {
        const seen = deliveries.get(event.id) ?? [];
        seen.push({ count: delivery.deliveryCount, at: Date.now() });
        deliveries.set(event.id, seen);
        if (event.id === failing.id) throw new Error('referral authority unknown');
        if (event.id === flaky.id && delivery.deliveryCount < 3) throw new Error('webhook endpoint timed out');
      },
      { maxDeliver: 3, redelivery: { initialDelayMs: 100, maxDelayMs: 1000 } },
    );
    await publish(failing);
    await publish(flaky);

    await eventually(async () => expect(await nats.storedDeadLetters()).toHaveLength(1));
    await eventually(async () => expect(await consumerState()).toMatchObject({ pending: 0, ackPending: 0 }));

    const failingDeliveries = deliveries.get(failing.id)!;
    expect(failingDeliveries.map((delivery) => delivery.count)).toEqual([1, 2, 3]);
    const [first, second, third] = failingDeliveries.map((delivery) => delivery.at);
    // Delays of about 100 ms then 200 ms (less up to 20% jitter).
    expect(second! - first!).toBeGreaterThanOrEqual(75);
    expect(third! - second!).toBeGreaterThanOrEqual(155);

    const [letter] = (await nats.storedDeadLetters()) as DeadLetter[];
    expect(letter).toMatchObject({
      durable: 'notification-cases',
      stream: nats.topology.eventsStream,
      subject: integrationEventSubject(nats.topology.subjectPrefix, 'case', 'CaseReferred'),
      deliveryCount: 3,
      error: { name: 'Error', message: 'referral authority unknown' },
    });
    expect(JSON.parse(letter!.payload)).toEqual(failing);

    // The event that succeeded on its third delivery is handled, not dead-lettered.
    expect(deliveries.get(flaky.id)!.map((delivery) => delivery.count)).toEqual([1, 2, 3]);
    expect(consumer.status()).toMatchObject({ handledCount: 1, failedCount: 5, deadLetteredCount: 1 });
  });

  it('dead-letters a message that is not an integration event at its first delivery', async () => {
    const handled: string[] = [];
    await js.publish(`${nats.topology.subjectPrefix}.events.case.CaseOpened`, '{"id":"no-type"}');
    await startConsumer(async (event) => {
      handled.push(event.id);
    });

    await eventually(async () => expect(await nats.storedDeadLetters()).toHaveLength(1));
    const [letter] = (await nats.storedDeadLetters()) as DeadLetter[];
    expect(letter).toMatchObject({
      deliveryCount: 1,
      payload: '{"id":"no-type"}',
      error: { name: 'MalformedIntegrationEventError' },
    });
    expect(handled).toEqual([]);
    // Terminated, so JetStream does not keep it pending nor deliver it again.
    await eventually(async () => expect(await consumerState()).toMatchObject({ pending: 0, ackPending: 0, redelivered: 0 }));
  });

  it('shares the events of one durable between two replicas, each event to one of them', async () => {
    const byReplica: Record<'a' | 'b', string[]> = { a: [], b: [] };
    const replica = (name: 'a' | 'b'): IntegrationEventHandler => async (event) => {
      byReplica[name].push(event.id);
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    // Each replica has its own processed-event log, so a double delivery would show as a double call.
    await startConsumer(replica('a'), { batchSize: 5 });
    await startConsumer(replica('b'), { batchSize: 5 });
    const events = Array.from({ length: 200 }, (_, i) => caseEvent('CaseStepRecorded', i));
    for (const event of events) await publish(event);

    await eventually(() => expect(byReplica.a.length + byReplica.b.length).toBe(200));
    await eventually(async () => expect(await consumerState()).toMatchObject({ pending: 0, ackPending: 0 }));
    expect(byReplica.a.length).toBeGreaterThan(0);
    expect(byReplica.b.length).toBeGreaterThan(0);
    const handled = [...byReplica.a, ...byReplica.b];
    expect(new Set(handled).size).toBe(200);
    expect(new Set(handled)).toEqual(new Set(events.map((event) => event.id)));
  });

  it('on stop, settles every message it had already pulled', async () => {
    const handled: string[] = [];
    const consumer = await startConsumer(
      async (event) => {
        handled.push(event.id);
        await new Promise((resolve) => setTimeout(resolve, 30));
      },
      { batchSize: 10 },
    );
    for (let i = 0; i < 30; i++) await publish(caseEvent('CaseStepRecorded', i));
    await eventually(() => expect(handled.length).toBeGreaterThan(0));

    await consumer.stop();
    const state = await consumerState();
    expect(state.ackPending).toBe(0);
    expect(state.pending).toBe(30 - handled.length);
    expect(handled.length).toBeLessThan(30);
  });
});
