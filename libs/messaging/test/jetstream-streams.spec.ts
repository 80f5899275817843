import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { jetstreamManager, StorageType, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { nanos } from '@nats-io/transport-node';
import {
  connectNats,
  ensureDeadLetterStream,
  ensureEventsStream,
  ensureMessagingStreams,
  InvalidMessagingNameError,
  type JetStreamTopology,
} from '../src/index.js';
import { TEST_NATS_URL } from './support/jetstream-test-topology.js';

describe('JetStream stream setup', () => {
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let topology: JetStreamTopology;

  beforeEach(async () => {
    const suffix = randomUUID().replaceAll('-', '').slice(0, 12);
    topology = { eventsStream: `TEST_${suffix}`, deadLetterStream: `TEST_${suffix}_DLQ`, subjectPrefix: `test${suffix}` };
    nc = await connectNats({ url: TEST_NATS_URL, name: 'messaging-streams-test' });
    jsm = await jetstreamManager(nc);
  });

  afterEach(async () => {
    await jsm.streams.delete(topology.eventsStream).catch(() => false);
    await jsm.streams.delete(topology.deadLetterStream).catch(() => false);
    await nc.close();
  });

  it('creates the events stream on file storage with a two-minute duplicate window', async () => {
    const info = await ensureEventsStream(jsm, topology);
    expect(info.config).toMatchObject({
      name: topology.eventsStream,
      subjects: [`${topology.subjectPrefix}.events.>`],
      storage: StorageType.File,
      duplicate_window: nanos(120_000),
      num_replicas: 1,
    });
  });

  it('creates the dead-letter stream for every durable consumer', async () => {
    const info = await ensureDeadLetterStream(jsm, topology);
    expect(info.config.subjects).toEqual([`${topology.subjectPrefix}.dead-letters.>`]);
  });

  it('is a no-op when the streams already exist as configured, keeping their messages', async () => {
    await ensureMessagingStreams(jsm, topology);
    await jsm.jetstream().publish(`${topology.subjectPrefix}.events.case.CaseOpened`, '{}');
    const { events } = await ensureMessagingStreams(jsm, topology);
    expect(events.state.messages).toBe(1);
  });

  it('updates an existing stream to new settings', async () => {
    await ensureEventsStream(jsm, topology);
    const updated = await ensureEventsStream(jsm, topology, { duplicateWindowMs: 300_000, maxAgeMs: 86_400_000 });
    expect(updated.config.duplicate_window).toBe(nanos(300_000));
    expect(updated.config.max_age).toBe(nanos(86_400_000));
    expect((await jsm.streams.info(topology.eventsStream)).config.duplicate_window).toBe(nanos(300_000));
  });

  it('rejects a stream name NATS cannot carry', async () => {
    await expect(ensureEventsStream(jsm, { ...topology, eventsStream: 'BLUEHELM.EVENTS' })).rejects.toThrow(
      InvalidMessagingNameError,
    );
  });
});
