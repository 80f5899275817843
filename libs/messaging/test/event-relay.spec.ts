import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryEventStore, type EventToAppend } from '@bluehelm/event-store';
import { jetstream } from '@nats-io/jetstream';
import { EventRelay, integrationEventSubject } from '../src/index.js';
import { createTestJetStream, eventually, type TestJetStream } from './support/jetstream-test-topology.js';

function newEvent(type: string, data: unknown = {}): EventToAppend {
  return { id: randomUUID(), type, data, metadata: { actor: 'relay-test' } };
}

describe('EventRelay', () => {
  let nats: TestJetStream;
  let relay: EventRelay | undefined;

  beforeEach(async () => {
    nats = await createTestJetStream();
  });

  afterEach(async () => {
    await relay?.stop();
    relay = undefined;
    await nats.dispose();
  });

  it('publishes every event of its categories in log order, with Nats-Msg-Id = event id, and no other', async () => {
    const store = new MemoryEventStore();
    const incident = `incident-${randomUUID()}`;
    const caseStream = `case-${randomUUID()}`;
    const other = `notification-${randomUUID()}`;
    await store.appendToStream(incident, [newEvent('IncidentReported'), newEvent('IncidentClassified')]);
    await store.appendToStream(other, [newEvent('FocalPointAdded')]);
    await store.appendToStream(caseStream, [newEvent('CaseOpened')]);

    relay = new EventRelay({
      name: 'intake-relay',
      store,
      jetstream: jetstream(nats.nc),
      categories: ['incident', 'case'],
      subjectPrefix: nats.topology.subjectPrefix,
    });
    await relay.start();
    await eventually(async () => expect(await nats.storedEvents()).toHaveLength(3));
    // Live events, appended once the history is out, follow it.
    await store.appendToStream(other, [newEvent('WebhookDelivered')]);
    await store.appendToStream(caseStream, [newEvent('CaseReferred'), newEvent('InvestigationOpened')]);
    await store.appendToStream(incident, [newEvent('IncidentLinked')]);

    const expected = [];
    for await (const event of store.readAll()) {
      if (!event.streamName.startsWith('notification-')) expected.push(event);
    }
    expect(expected).toHaveLength(6);

    await eventually(async () => expect(await nats.storedEvents()).toHaveLength(expected.length));
    await relay.stop();

    const stored = await nats.storedEvents();
    expect(stored).toHaveLength(expected.length);
    expect(stored.map((message) => message.event.id)).toEqual(expected.map((event) => event.id));
    expect(stored.map((message) => message.msgId)).toEqual(expected.map((event) => event.id));
    for (const [index, message] of stored.entries()) {
      const source = expected[index]!;
      expect(message.subject).toBe(
        integrationEventSubject(nats.topology.subjectPrefix, source.streamName.split('-')[0]!, source.type),
      );
      expect(message.event).toMatchObject({
        type: source.type,
        streamName: source.streamName,
        revision: source.revision,
        position: source.position,
        metadata: { actor: 'relay-test' },
      });
    }
    const lastPosition = expected.at(-1)!.position;
    expect(relay.status()).toMatchObject({ publishedCount: 6, duplicateCount: 0, lastPosition });
    expect(await store.checkpoints.load('intake-relay')).toBe(lastPosition);
  });

  it('resumes after its saved checkpoint and publishes nothing twice', async () => {
    const store = new MemoryEventStore();
    const stream = `case-${randomUUID()}`;
    await store.appendToStream(stream, [newEvent('CaseOpened'), newEvent('CaseReferred')]);
    const options = {
      name: 'case-relay',
      store,
      jetstream: jetstream(nats.nc),
      categories: ['case'],
      subjectPrefix: nats.topology.subjectPrefix,
    };
    relay = new EventRelay(options);
    await relay.start();
    await eventually(async () => expect(await nats.storedEvents()).toHaveLength(2));
    await relay.stop();

    await store.appendToStream(stream, [newEvent('InvestigationOpened')]);
    relay = new EventRelay(options);
    await relay.start();
    await eventually(async () => expect(await nats.storedEvents()).toHaveLength(3));
    await relay.stop();

    expect(relay.status()).toMatchObject({ publishedCount: 1, duplicateCount: 0 });
  });

  it('retries a publish that JetStream refuses until it is acknowledged, skipping nothing', async () => {
    const store = new MemoryEventStore();
    const stream = `case-${randomUUID()}`;
    await store.appendToStream(stream, [newEvent('CaseOpened'), newEvent('CaseReferred')]);
    const errors: string[] = [];
    // The subject prefix has no stream yet: every publish fails until the stream appears.
    const prefix = `${nats.topology.subjectPrefix}late`;
    relay = new EventRelay({
      name: 'late-relay',
      store,
      jetstream: jetstream(nats.nc),
      categories: ['case'],
      subjectPrefix: prefix,
      publishTimeoutMs: 500,
      retry: { initialDelayMs: 20, maxDelayMs: 100 },
      onError: (_error, during) => errors.push(during),
    });
    await relay.start();
    await eventually(() => expect(errors.length).toBeGreaterThanOrEqual(2));
    expect(relay.status().publishedCount).toBe(0);

    const lateStream = `${nats.topology.eventsStream}_LATE`;
    await nats.jsm.streams.add({ name: lateStream, subjects: [`${prefix}.events.>`] });
    try {
      await eventually(async () => expect((await nats.jsm.streams.info(lateStream)).state.messages).toBe(2));
      expect(new Set(errors)).toEqual(new Set(['publish']));
      await relay.stop();
      expect(relay.status().publishedCount).toBe(2);
    } finally {
      await nats.jsm.streams.delete(lateStream);
    }
  });

  it('stops while a publish keeps failing, without saving a checkpoint past it', async () => {
    const store = new MemoryEventStore();
    await store.appendToStream(`case-${randomUUID()}`, [newEvent('CaseOpened')]);
    relay = new EventRelay({
      name: 'stuck-relay',
      store,
      jetstream: jetstream(nats.nc),
      categories: ['case'],
      subjectPrefix: `${nats.topology.subjectPrefix}nowhere`,
      publishTimeoutMs: 300,
      retry: { initialDelayMs: 10_000, maxDelayMs: 10_000 },
    });
    await relay.start();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const started = Date.now();
    await relay.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await store.checkpoints.load('stuck-relay')).toBeUndefined();
  });
});
