import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresEventStore } from '../src/adapters/postgres/postgres-event-store.js';
import { newEvents } from '../src/contract/index.js';
import { WrongExpectedVersionError } from '../src/errors.js';
import { freshTestSchema } from './fixtures/postgres-test-schema.js';

// An append first presumes the head its expectation names; these cases make that presumption wrong.
describe('postgres event store appends whose presumed stream head is wrong', () => {
  const testSchema = freshTestSchema('append_paths');
  let store: PostgresEventStore;

  beforeAll(async () => {
    store = await PostgresEventStore.connect(testSchema.url);
  });
  afterAll(async () => {
    await store?.close();
    await testSchema.drop();
  });

  it('answers a retry with expected revision any as the original append, writing nothing', async () => {
    const events = newEvents(2);
    const first = await store.appendToStream('retried-1', events);
    expect(await store.appendToStream('retried-1', events)).toEqual(first);
    expect(await store.readStream('retried-1')).toHaveLength(2);
  });

  it('appends at an exact revision and with no-stream after a soft delete', async () => {
    await store.appendToStream('deleted-1', newEvents(2));
    await store.deleteStream('deleted-1');
    expect(await store.appendToStream('deleted-1', newEvents(1), { expectedRevision: 'no-stream' })).toMatchObject({
      nextExpectedRevision: 2,
    });
    expect(await store.appendToStream('deleted-1', newEvents(1), { expectedRevision: 2 })).toMatchObject({
      nextExpectedRevision: 3,
    });
    expect((await store.readStream('deleted-1')).map((event) => event.revision)).toEqual([2, 3]);
  });

  it('answers an empty append with the stream head and the log position, after checking the expectation', async () => {
    const written = await store.appendToStream('empty-1', newEvents(3));
    expect(await store.appendToStream('empty-1', [], { expectedRevision: 2 })).toEqual(written);
    await expect(store.appendToStream('empty-1', [], { expectedRevision: 0 })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
  });

  it('refuses a revision no stream can have with the actual revision', async () => {
    await expect(store.appendToStream('never-1', newEvents(1), { expectedRevision: -1 })).rejects.toMatchObject({
      constructor: WrongExpectedVersionError,
      actualRevision: 'no-stream',
    });
  });
});
