import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createEventStore, MemoryEventStore, type EventStore, type RecordedEvent } from '@bluehelm/event-store';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { LedRelay, type CheckpointPolicy } from '../src/index.js';
import { createTestJetStream, eventually, type TestJetStream } from './support/jetstream-test-topology.js';
import { createTestLeaseBucket, type TestLeaseBucket } from './support/lease-test-bucket.js';

const DURATION_MS = 1500;
const RELAY_NAME = 'intake-relay';

describe('LedRelay', () => {
  let nats: TestJetStream;
  let leases: TestLeaseBucket;
  let dataDir: string;
  const relays: LedRelay[] = [];
  const stores: EventStore[] = [];

  beforeEach(async () => {
    nats = await createTestJetStream();
    leases = await createTestLeaseBucket(DURATION_MS);
    dataDir = mkdtempSync(join(tmpdir(), 'bluehelm-led-relay-'));
  });

  afterEach(async () => {
    for (const relay of relays.splice(0)) await relay.stop();
    for (const store of stores.splice(0)) await store.close();
    await leases.dispose();
    await nats.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function replica(store: EventStore, js: JetStreamClient = jetstream(nats.nc), checkpoint?: CheckpointPolicy): LedRelay {
    const relay = new LedRelay({
      name: RELAY_NAME,
      store,
      jetstream: js,
      categories: ['incident'],
      subjectPrefix: nats.topology.subjectPrefix,
      retry: { initialDelayMs: 20, maxDelayMs: 100 },
      ...(checkpoint ? { checkpoint } : {}),
      lease: { bucket: leases.bucket, leaseDurationMs: DURATION_MS },
    });
    relays.push(relay);
    return relay;
  }

  /** Two stores on one sqlite file, as two replicas of a service have. */
  async function sharedSqliteStores(): Promise<[EventStore, EventStore]> {
    const url = `sqlite:${join(dataDir, 'events.db')}`;
    const pair: [EventStore, EventStore] = [await createEventStore(url), await createEventStore(url)];
    stores.push(...pair);
    return pair;
  }

  async function appendIncidents(store: EventStore, count: number, afterEach?: (appended: number) => void): Promise<void> {
    const streams = Array.from({ length: 7 }, () => `incident-${randomUUID()}`);
    for (let n = 1; n <= count; n++) {
      await store.appendToStream(streams[n % streams.length]!, [{ id: randomUUID(), type: 'IncidentReported', data: { n } }]);
      afterEach?.(n);
      if (n % 5 === 0) await sleep(5);
    }
  }

  async function logged(store: EventStore): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  }

  async function expectEachPublishedOnceInOrder(store: EventStore): Promise<void> {
    const expected = await logged(store);
    await eventually(async () => expect(await nats.storedEvents()).toHaveLength(expected.length));
    const stored = await nats.storedEvents();
    expect(stored.map((message) => message.event.id)).toEqual(expected.map((event) => event.id));
  }

  it('relays through exactly one of two replicas, and through the other as soon as the first stops', async () => {
    const store = new MemoryEventStore();
    const [first, second] = [replica(store), replica(store)];
    await first.start();
    await second.start();
    expect(first.status()).toMatchObject({ leading: true, tenures: 1 });
    expect(second.status()).toMatchObject({ leading: false, tenures: 0, relay: undefined });

    await appendIncidents(store, 5);
    await eventually(async () => expect(await nats.storedEvents()).toHaveLength(5));
    await first.stop();
    const stoppedAt = Date.now();
    await eventually(() => expect(second.status().leading).toBe(true), DURATION_MS * 3);
    // A released lease is taken within a follower's retry interval, long before it could expire.
    expect(Date.now() - stoppedAt).toBeLessThan(DURATION_MS);

    await appendIncidents(store, 5);
    await expectEachPublishedOnceInOrder(store);
    // The second leader started from the checkpoint the first saved on its way out.
    expect(second.status().relay).toMatchObject({ publishedCount: 5, duplicateCount: 0 });
  });

  it('stops relaying as soon as its lease is taken, saving no checkpoint, and resumes when it leads again', async () => {
    const store = new MemoryEventStore();
    // Nothing is saved during the tenure, so any saved checkpoint would come from the lost leader.
    const relay = replica(store, jetstream(nats.nc), { everyEvents: 10_000, everyMs: 60_000 });
    await relay.start();
    await appendIncidents(store, 3);
    await eventually(async () => expect(await nats.storedEvents()).toHaveLength(3));

    await leases.kv.put(`relay-incident`, 'intruder');
    await eventually(() => expect(relay.status().leading).toBe(false), DURATION_MS);
    expect(relay.status().relay).toBeUndefined();
    expect(await store.checkpoints.load(RELAY_NAME)).toBeUndefined();
    await appendIncidents(store, 2);
    await sleep(300);
    expect(await nats.storedEvents()).toHaveLength(3);

    // The intruder never renews: its key expires, and the relay takes the lease back.
    await eventually(() => expect(relay.status().tenures).toBe(2), DURATION_MS * 3);
    await expectEachPublishedOnceInOrder(store);
    expect(relay.status().relay).toMatchObject({ publishedCount: 5, duplicateCount: 3 });
  });

  it('publishes every event exactly once across a graceful hand-over in the middle of a stream', async () => {
    const [storeA, storeB] = await sharedSqliteStores();
    const [first, second] = [replica(storeA), replica(storeB)];
    await first.start();
    await second.start();

    let handOver: Promise<void> | undefined;
    await appendIncidents(storeA, 200, (n) => {
      if (n === 100) handOver = first.stop();
    });
    await handOver;
    await eventually(() => expect(second.status().leading).toBe(true), DURATION_MS * 3);

    await expectEachPublishedOnceInOrder(storeA);
    expect(first.status().tenures).toBe(1);
    expect(second.status().tenures).toBe(1);
    // Each leader relayed a part of the stream, and the second repeated nothing of the first's.
    expect(second.status().relay!.publishedCount).toBeGreaterThan(0);
    expect(second.status().relay!.publishedCount).toBeLessThan(200);
    expect(second.status().relay!.duplicateCount).toBe(0);
  });

  it('publishes every event exactly once when the leader crashes in the middle of a stream', async () => {
    const [storeA, storeB] = await sharedSqliteStores();
    const crashing = await leases.connectAnother('crashing');
    // No checkpoint is saved before the crash: the successor republishes everything the first sent.
    const lagging = { everyEvents: 10_000, everyMs: 60_000 };
    const [first, second] = [replica(storeA, jetstream(crashing.nc), lagging), replica(storeB)];
    await first.start();
    await second.start();
    expect(first.status().leading).toBe(true);

    await appendIncidents(storeA, 200, (n) => {
      // The crash: no more publishes, lease renewals or releases from the first replica.
      if (n === 100) void crashing.nc.close();
    });
    await eventually(() => expect(second.status().leading).toBe(true), DURATION_MS * 3);
    expect(first.status().leading).toBe(false);

    await expectEachPublishedOnceInOrder(storeA);
    expect(second.status().relay!.duplicateCount).toBeGreaterThan(0);
    await second.stop();
    const all = await logged(storeA);
    expect(await storeA.checkpoints.load(RELAY_NAME)).toBe(all.at(-1)!.position);
  });
});
