import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryEventStore, type EventStore, type RecordedEvent } from '@bluehelm/event-store';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { EventRelay } from '../src/index.js';
import { createTestJetStream, eventually, type TestJetStream } from './support/jetstream-test-topology.js';

/**
 * What a process crash looks like from outside: from the moment of the crash, the publish in
 * flight reaches JetStream but its acknowledgement is lost, no later publish leaves (those already
 * sent still land), and no checkpoint is written any more.
 */
class CrashSwitch {
  private crashed = false;
  private publishes = 0;
  private signalCrash: () => void = () => {};
  readonly whenCrashed = new Promise<void>((resolve) => {
    this.signalCrash = resolve;
  });

  constructor(private readonly crashOnPublish: number) {}

  jetstream(real: JetStreamClient): JetStreamClient {
    const publish: JetStreamClient['publish'] = async (subject, payload, options) => {
      if (this.crashed) throw new Error('the relay process is gone');
      const number = ++this.publishes;
      const ack = await real.publish(subject, payload, options);
      if (number === this.crashOnPublish) {
        this.crashed = true;
        this.signalCrash();
        throw new Error('the relay process died before the acknowledgement arrived');
      }
      return ack;
    };
    return new Proxy(real, { get: (target, key) => (key === 'publish' ? publish : Reflect.get(target, key)) });
  }

  store(real: EventStore): EventStore {
    const checkpoints = {
      load: (name: string) => real.checkpoints.load(name),
      save: async (name: string, position: number) => {
        if (!this.crashed) await real.checkpoints.save(name, position);
      },
    };
    return new Proxy(real, { get: (target, key) => (key === 'checkpoints' ? checkpoints : Reflect.get(target, key)) });
  }
}

describe('EventRelay after a crash', () => {
  let nats: TestJetStream;
  const relays: EventRelay[] = [];

  beforeEach(async () => {
    nats = await createTestJetStream();
  });

  afterEach(async () => {
    for (const relay of relays.splice(0)) await relay.stop();
    await nats.dispose();
  });

  it('restarts from its lagging checkpoint and leaves every event in JetStream exactly once', async () => {
    const store = new MemoryEventStore();
    const streams = [`case-${randomUUID()}`, `case-${randomUUID()}`, `case-${randomUUID()}`];
    for (let i = 0; i < 60; i++) {
      await store.appendToStream(streams[i % 3]!, [{ id: randomUUID(), type: 'CaseStepRecorded', data: { i } }]);
    }
    const all: RecordedEvent[] = [];
    for await (const event of store.readAll()) all.push(event);

    const crash = new CrashSwitch(26);
    const settings = {
      name: 'case-tracking-relay',
      categories: ['case'],
      subjectPrefix: nats.topology.subjectPrefix,
      checkpoint: { everyEvents: 7, everyMs: 60_000 },
      retry: { initialDelayMs: 20, maxDelayMs: 50 },
    };
    const crashing = new EventRelay({
      ...settings,
      store: crash.store(store),
      jetstream: crash.jetstream(jetstream(nats.nc)),
    });
    relays.push(crashing);
    await crashing.start();
    await crash.whenCrashed;

    // The checkpoint lags: 21 events acknowledged and saved, 26 in the stream, and up to two
    // more of the other streams whose publishes were in flight when the process died.
    expect(await store.checkpoints.load(settings.name)).toBe(all[20]!.position);
    const beforeRestart = (await nats.storedEvents()).length;
    expect(beforeRestart).toBeGreaterThanOrEqual(26);
    expect(beforeRestart).toBeLessThanOrEqual(28);

    const restarted = new EventRelay({ ...settings, store, jetstream: jetstream(nats.nc) });
    relays.push(restarted);
    await restarted.start();
    await eventually(() => expect(restarted.status().lastPosition).toBe(all.at(-1)!.position));
    await restarted.stop();

    const stored = await nats.storedEvents();
    expect(stored.map((message) => message.event.id)).toEqual(all.map((event) => event.id));
    // Events 22 to the last stored went out twice; JetStream dropped the second copies by Nats-Msg-Id.
    expect(restarted.status()).toMatchObject({ publishedCount: 39, duplicateCount: beforeRestart - 21 });
    expect(await store.checkpoints.load(settings.name)).toBe(all.at(-1)!.position);
  });
});
