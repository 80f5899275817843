import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresEventStore } from '../src/adapters/postgres/postgres-event-store.js';
import { collect, newEvents } from '../src/contract/index.js';
import { freshTestSchema } from './fixtures/postgres-test-schema.js';

describe('postgres event store keeps events append-only', () => {
  const testSchema = freshTestSchema('append_only');
  const events = `${testSchema.schema}.events`;
  let store: PostgresEventStore;

  beforeAll(async () => {
    store = await PostgresEventStore.connect(testSchema.url);
  });
  afterAll(async () => {
    await store?.close();
    await testSchema.drop();
  });

  it('refuses UPDATE, DELETE and TRUNCATE of stored events from any other client', async () => {
    await store.appendToStream('ledger-1', newEvents(2));
    const refusal = { code: '42501', message: expect.stringContaining('append-only') };
    await expect(testSchema.query(`UPDATE ${events} SET type = 'Rewritten'`)).rejects.toMatchObject(refusal);
    await expect(testSchema.query(`DELETE FROM ${events}`)).rejects.toMatchObject(refusal);
    await expect(testSchema.query(`TRUNCATE ${events}`)).rejects.toMatchObject(refusal);
    expect((await store.readStream('ledger-1')).map((event) => event.type)).toEqual([
      'SomethingHappened',
      'SomethingHappened',
    ]);
  });

  it('refuses an UPDATE even where the scavenger may delete', async () => {
    await store.appendToStream('ledger-2', newEvents(1));
    await expect(
      testSchema.query(`DO $$ BEGIN SET LOCAL bluehelm.scavenge = 'on'; UPDATE ${events} SET type = 'Rewritten'; END $$`),
    ).rejects.toMatchObject({ code: '42501' });
    expect((await store.readStream('ledger-2'))[0]?.type).toBe('SomethingHappened');
  });

  it('scavenges exactly the events that stream reads no longer give', async () => {
    const truncated = newEvents(5);
    const counted = newEvents(5);
    const deletedThenContinued = newEvents(2);
    const continued = newEvents(1);
    const tombstoned = newEvents(2);
    const untouched = newEvents(3);
    await store.appendToStream('scavenge-truncated', truncated);
    await store.setStreamMetadata('scavenge-truncated', { truncateBefore: 3 });
    await store.appendToStream('scavenge-counted', counted);
    await store.setStreamMetadata('scavenge-counted', { maxCount: 2 });
    await store.appendToStream('scavenge-deleted', deletedThenContinued);
    await store.deleteStream('scavenge-deleted');
    await store.appendToStream('scavenge-deleted', continued);
    await store.appendToStream('scavenge-tombstoned', tombstoned);
    await store.tombstoneStream('scavenge-tombstoned');
    await store.appendToStream('scavenge-untouched', untouched);
    const ids = (list: readonly { id: string }[]) => list.map((event) => event.id);
    const ours = { streamPrefixes: ['scavenge-'] };
    expect(await collect(store.readAll({ filter: ours }))).toHaveLength(18);

    expect(await store.scavenge()).toEqual({ removedEvents: 10 });

    const remaining = ids(await collect(store.readAll({ filter: ours })));
    expect(remaining).toEqual(
      ids([...truncated.slice(3), ...counted.slice(3), ...continued, ...untouched]),
    );
    expect(ids(await store.readStream('scavenge-truncated'))).toEqual(ids(truncated.slice(3)));
    expect(ids(await store.readStream('scavenge-deleted'))).toEqual(ids(continued));
    expect(await store.scavenge()).toEqual({ removedEvents: 0 });
  });
});
