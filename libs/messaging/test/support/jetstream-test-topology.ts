import { randomUUID } from 'node:crypto';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  connectNats,
  decodeIntegrationEvent,
  ensureMessagingStreams,
  type IntegrationEvent,
  type JetStreamTopology,
} from '../../src/index.js';

export const TEST_NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';

/** A pair of streams with names and subjects no other test run uses, deleted by `dispose()`. */
export interface TestJetStream {
  readonly nc: NatsConnection;
  readonly jsm: JetStreamManager;
  readonly topology: JetStreamTopology;
  /** The messages of the events stream, in stream order. */
  storedEvents(): Promise<StoredIntegrationEvent[]>;
  /** The JSON bodies of the dead-letter stream, in stream order. */
  storedDeadLetters(): Promise<unknown[]>;
  dispose(): Promise<void>;
}

export interface StoredIntegrationEvent {
  readonly subject: string;
  readonly msgId: string | undefined;
  readonly event: IntegrationEvent;
}

export async function createTestJetStream(): Promise<TestJetStream> {
  const suffix = randomUUID().replaceAll('-', '').slice(0, 12);
  const topology: JetStreamTopology = {
    eventsStream: `TEST_${suffix}`,
    deadLetterStream: `TEST_${suffix}_DLQ`,
    subjectPrefix: `test${suffix}`,
  };
  const nc = await connectNats({ url: TEST_NATS_URL, name: `messaging-test-${suffix}` });
  const jsm = await jetstreamManager(nc);
  await ensureMessagingStreams(jsm, topology);
  return {
    nc,
    jsm,
    topology,
    async storedEvents() {
      const messages = await readStream(jsm, topology.eventsStream);
      return messages.map((message) => ({
        subject: message.subject,
        msgId: message.header?.get('Nats-Msg-Id') || undefined,
        event: decodeIntegrationEvent(message.data),
      }));
    },
    async storedDeadLetters() {
      const messages = await readStream(jsm, topology.deadLetterStream);
      return messages.map((message) => JSON.parse(new TextDecoder().decode(message.data)) as unknown);
    },
    async dispose() {
      await jsm.streams.delete(topology.eventsStream).catch(() => false);
      await jsm.streams.delete(topology.deadLetterStream).catch(() => false);
      await nc.close();
    },
  };
}

async function readStream(jsm: JetStreamManager, stream: string) {
  const info = await jsm.streams.info(stream);
  const messages = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const message = await jsm.streams.getMessage(stream, { seq });
    if (message) messages.push(message);
  }
  return messages;
}

/** Polls until `check` passes or `timeoutMs` ends; the last failure is rethrown. */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
