import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresEventStore } from '../src/adapters/postgres/postgres-event-store.js';
import { newEvent, sleep, take } from '../src/contract/index.js';
import { freshTestSchema } from './fixtures/postgres-test-schema.js';

/** Asks again for up to two seconds: a closed connection leaves pg_stat_activity a moment after. */
async function eventually<T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<T> {
  const deadline = Date.now() + 2_000;
  let answer = await ask();
  while (!done(answer) && Date.now() < deadline) {
    await sleep(50);
    answer = await ask();
  }
  return answer;
}

describe('postgres event store subscriptions', () => {
  const testSchema = freshTestSchema('subscription');
  const listening = `LISTEN "${testSchema.schema}_events_appended"`;
  const listeningConnections = async () =>
    (
      await testSchema.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = 'bluehelm-event-store-listener' AND query = $1`,
        [listening],
      )
    ).map((row) => row.pid);
  let writer: PostgresEventStore;

  beforeAll(async () => {
    writer = await PostgresEventStore.connect(testSchema.url);
  });
  afterAll(async () => {
    await writer?.close();
    await testSchema.drop();
  });

  it('wakes on a notification from another connection, long before its poll interval', async () => {
    const reader = await PostgresEventStore.connect(testSchema.url, { pollIntervalMs: 60_000 });
    const subscription = reader.subscribeToAll({ fromPosition: 'end', filter: { streamPrefixes: ['notified-'] } });
    try {
      const live = newEvent('Notified');
      setTimeout(() => void writer.appendToStream('notified-1', [live]), 300);
      const [received] = await take(subscription, 1, 5_000);
      expect(received?.id).toBe(live.id);
    } finally {
      await subscription.close();
      await reader.close();
    }
  });

  it('still delivers by polling, and listens again, after its listening connection is lost', async () => {
    const reader = await PostgresEventStore.connect(testSchema.url, { pollIntervalMs: 200 });
    const subscription = reader.subscribeToAll({ fromPosition: 'end', filter: { streamPrefixes: ['lost-'] } });
    try {
      const first = newEvent('BeforeLoss');
      setTimeout(() => void writer.appendToStream('lost-1', [first]), 100);
      expect((await take(subscription, 1, 5_000))[0]?.id).toBe(first.id);
      const [listener] = await listeningConnections();
      await testSchema.query('SELECT pg_terminate_backend($1)', [listener]);

      const second = newEvent('AfterLoss');
      setTimeout(() => void writer.appendToStream('lost-1', [second]), 100);
      expect((await take(subscription, 1, 5_000))[0]?.id).toBe(second.id);
      const relistened = await eventually(listeningConnections, (pids) => pids.length === 1);
      expect(relistened).toHaveLength(1);
      expect(relistened).not.toContain(listener);
    } finally {
      await subscription.close();
      await reader.close();
    }
  });

  it('holds its listening connection only while a subscription is open', async () => {
    expect(await listeningConnections()).toEqual([]);
    const subscription = writer.subscribeToAll({ fromPosition: 'end', filter: { streamPrefixes: ['held-'] } });
    setTimeout(() => void writer.appendToStream('held-1', [newEvent()]), 200);
    await take(subscription, 1, 5_000);
    expect(await listeningConnections()).toHaveLength(1);
    await subscription.close();
    expect(await eventually(listeningConnections, (pids) => pids.length === 0)).toEqual([]);
  });
});
