import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createEventStore, type EventStore, type RecordedEvent } from '@bluehelm/event-store';
import { RelayThread, RelayThreadStartError, type RelayThreadSettings } from '../src/index.js';
import { createTestJetStream, eventually, TEST_NATS_URL, type TestJetStream } from './support/jetstream-test-topology.js';
import { createTestLeaseBucket, type TestLeaseBucket } from './support/lease-test-bucket.js';

// The thread runs the built worker: a worker thread loads plain JavaScript, not Jest's sources.
const WORKER_SCRIPT = new URL('../dist/relay-thread.worker.js', import.meta.url);
const FAILING_THREAD = new URL('./fixtures/failing-relay-thread.mjs', import.meta.url);
const RELAY_NAME = 'thread-test-relay';

describe('RelayThread', () => {
  let nats: TestJetStream;
  let leases: TestLeaseBucket;
  let dataDir: string;
  let storeUrl: string;
  let store: EventStore;
  const threads: RelayThread[] = [];

  beforeEach(async () => {
    nats = await createTestJetStream();
    leases = await createTestLeaseBucket(1500);
    dataDir = mkdtempSync(join(tmpdir(), 'bluehelm-relay-thread-'));
    storeUrl = `sqlite:${join(dataDir, 'events.db')}`;
    store = await createEventStore(storeUrl);
  });

  afterEach(async () => {
    for (const thread of threads.splice(0)) await thread.stop();
    await store.close();
    await leases.dispose();
    await nats.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function settings(overrides: Partial<RelayThreadSettings> = {}): RelayThreadSettings {
    return {
      relay: {
        name: RELAY_NAME,
        categories: ['incident'],
        subjectPrefix: nats.topology.subjectPrefix,
        lease: { bucket: leases.bucket, leaseDurationMs: leases.leaseDurationMs },
      },
      eventStoreUrl: storeUrl,
      nats: { url: TEST_NATS_URL, name: 'relay-thread-test' },
      ...overrides,
    };
  }

  function thread(threadSettings = settings(), listener = {}): RelayThread {
    const created = new RelayThread(threadSettings, listener, WORKER_SCRIPT);
    threads.push(created);
    return created;
  }

  async function appendIncidents(count: number): Promise<void> {
    for (let n = 0; n < count; n++) {
      await store.appendToStream(`incident-${randomUUID()}`, [{ id: randomUUID(), type: 'IncidentReported', data: { n } }]);
    }
    await store.appendToStream(`case-${randomUUID()}`, [{ id: randomUUID(), type: 'CaseOpened', data: {} }]);
  }

  async function incidentEvents(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) if (event.streamName.startsWith('incident-')) events.push(event);
    return events;
  }

  it('publishes what this thread appends from another thread of its own, in log order, and tells who leads', async () => {
    const leadership: boolean[] = [];
    const relay = thread(settings(), { onLeadershipChange: (leading: boolean) => leadership.push(leading) });
    await relay.start();
    expect(leadership).toEqual([true]);

    await appendIncidents(40);
    const expected = await incidentEvents();
    await eventually(async () => expect(await nats.storedEvents()).toHaveLength(expected.length));
    const stored = await nats.storedEvents();
    expect(stored.map((message) => message.event.id)).toEqual(expected.map((event) => event.id));
    expect(stored.map((message) => message.msgId)).toEqual(expected.map((event) => event.id));
  });

  it('saves its checkpoint and releases the lease when stopped, so the next thread goes on from there', async () => {
    const first = thread();
    await first.start();
    await appendIncidents(10);
    await eventually(async () => expect(await nats.storedEvents()).toHaveLength(10));
    await first.stop();
    const lastRelayed = (await incidentEvents()).at(-1)?.position;
    expect(await store.checkpoints.load(RELAY_NAME)).toBe(lastRelayed);

    const second = thread();
    await second.start();
    await appendIncidents(5);
    await eventually(async () => expect(await nats.storedEvents()).toHaveLength(15));
    const stored = await nats.storedEvents();
    expect(new Set(stored.map((message) => message.event.id)).size).toBe(15);
  });

  it('fails to start with the reason when the thread cannot open its store, and leaves no thread behind', async () => {
    const relay = thread(settings({ eventStoreUrl: 'mysql://nowhere' }));
    const started = relay.start();
    await expect(started).rejects.toThrow(RelayThreadStartError);
    await expect(started).rejects.toThrow(/did not start: .*EVENT_STORE_URL "mysql:\/\/nowhere" is not usable/);
    await relay.stop();
  });

  it('starts a thread that ended unasked again, saying so, until it is stopped', async () => {
    const failures: string[] = [];
    const relay = new RelayThread(settings(), { onError: (message: string) => failures.push(message) }, FAILING_THREAD);
    threads.push(relay);
    await relay.start();
    await eventually(() => expect(failures.filter((failure) => failure.includes('ended with code 3')).length).toBeGreaterThanOrEqual(2), 5000);
    expect(failures[0]).toBe('the thread ended with code 3; starting it again');
    await relay.stop();
    const afterStop = failures.length;
    await sleep(1500);
    expect(failures).toHaveLength(afterStop);
  });

  it('fails to start with the reason when NATS refuses the connection', async () => {
    const relay = thread(settings({ nats: { url: 'nats://127.0.0.1:1', name: 'relay-thread-test', connectTimeoutMs: 500 } }));
    await expect(relay.start()).rejects.toThrow(/did not start: .*127\.0\.0\.1:1/);
  });
});
