import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  EventIdConflictError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../errors.js';
import type { EventStore } from '../port/event-store.port.js';
import {
  collect,
  type EventStoreContractSubject,
  newEvent,
  newEvents,
  sleep,
  take,
  uniquePrefix,
} from './contract-fixtures.js';

/**
 * The behaviour every EventStore adapter must show (../shared/docs/event-store-contract.md,
 * points 1-7 and 9-11; durability and concurrent-reader checks are adapter-specific specs).
 */
export function describeEventStoreContract(subject: EventStoreContractSubject): void {
  const supports = (feature: string) => !subject.unsupported?.includes(feature as never);

  describe(`${subject.adapter} event store contract`, () => {
    let store: EventStore;
    let prefix: string;
    let streamCount = 0;
    const newStream = () => `${prefix}-${++streamCount}`;

    beforeAll(async () => {
      store = await subject.open();
      prefix = uniquePrefix();
    });
    afterAll(async () => store.close());

    describe('1. appending to a new stream', () => {
      it('gives revisions 0..n-1 and returns the next expected revision and the last global position', async () => {
        const stream = newStream();
        const result = await store.appendToStream(stream, newEvents(3), { expectedRevision: 'no-stream' });
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(result.nextExpectedRevision).toBe(2);
        expect(result.position).toBe(events[2]?.position);
        expect(events.every((e) => e.streamName === stream)).toBe(true);
      });

      it('keeps id, type, data and metadata as given', async () => {
        const stream = newStream();
        const event = newEvent('CaseOpened', { nested: { list: [1, 'two', null], flag: true } });
        await store.appendToStream(stream, [event]);
        const [read] = await store.readStream(stream);
        expect(read).toMatchObject({ id: event.id, type: 'CaseOpened', data: event.data, metadata: event.metadata });
        expect(Number.isNaN(Date.parse(read?.createdAt ?? ''))).toBe(false);
      });
    });

    describe('2. expected revision', () => {
      it('rejects no-stream on an existing stream, carrying expected and actual', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(2));
        const failure = store.appendToStream(stream, newEvents(1), { expectedRevision: 'no-stream' });
        await expect(failure).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(failure).rejects.toMatchObject({ expectedRevision: 'no-stream', actualRevision: 1 });
      });

      it('rejects stream-exists on a missing stream', async () => {
        const failure = store.appendToStream(newStream(), newEvents(1), { expectedRevision: 'stream-exists' });
        await expect(failure).rejects.toMatchObject({
          constructor: WrongExpectedVersionError,
          expectedRevision: 'stream-exists',
          actualRevision: 'no-stream',
        });
      });

      it('rejects a wrong exact revision and accepts the right one', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(2));
        await expect(store.appendToStream(stream, newEvents(1), { expectedRevision: 0 })).rejects.toMatchObject({
          constructor: WrongExpectedVersionError,
          expectedRevision: 0,
          actualRevision: 1,
        });
        const result = await store.appendToStream(stream, newEvents(1), { expectedRevision: 1 });
        expect(result.nextExpectedRevision).toBe(2);
      });

      it('always accepts any, on new and existing streams', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(1), { expectedRevision: 'any' });
        const result = await store.appendToStream(stream, newEvents(1), { expectedRevision: 'any' });
        expect(result.nextExpectedRevision).toBe(1);
      });
    });

    describe('3. atomic multi-event appends', () => {
      it('writes none of the events when one of them is refused', async () => {
        const stream = newStream();
        const repeated = newEvent();
        await expect(
          store.appendToStream(stream, [newEvent(), repeated, { ...repeated, data: { other: true } }]),
        ).rejects.toBeInstanceOf(EventIdConflictError);
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      if (supports('unique-event-ids-across-streams')) {
        it('writes none of the events when a later one reuses an id stored in another stream', async () => {
          const other = newStream();
          const taken = newEvent();
          await store.appendToStream(other, [taken]);
          const stream = newStream();
          await expect(store.appendToStream(stream, [newEvent(), newEvent(), taken])).rejects.toBeInstanceOf(
            EventIdConflictError,
          );
          await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
        });
      } else {
        it(`is not asked of ${subject.adapter}: unique event ids across streams, which it cannot offer`, () => {
          expect(subject.unsupported).toContain('unique-event-ids-across-streams');
        });
      }
    });

    describe('4. concurrent appends with the same expected revision', () => {
      it('lets exactly one succeed and neither skips nor doubles a revision', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(1));
        const writers = Array.from({ length: 8 }, () =>
          store.appendToStream(stream, newEvents(2), { expectedRevision: 0 }),
        );
        const outcomes = await Promise.allSettled(writers);
        const succeeded = outcomes.filter((o) => o.status === 'fulfilled');
        const failed = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
        expect(succeeded).toHaveLength(1);
        expect(failed).toHaveLength(7);
        expect(failed.every((reason) => reason instanceof WrongExpectedVersionError)).toBe(true);
        const revisions = (await store.readStream(stream)).map((e) => e.revision);
        expect(revisions).toEqual([0, 1, 2]);
      });
    });

    describe('5. idempotent re-append by event id', () => {
      it('treats the same ids at the same expected revision as a successful no-op', async () => {
        const stream = newStream();
        const events = newEvents(2);
        const first = await store.appendToStream(stream, events, { expectedRevision: 'no-stream' });
        const again = await store.appendToStream(stream, events, { expectedRevision: 'no-stream' });
        expect(again).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('refuses a partial overlap with what is stored', async () => {
        const stream = newStream();
        const [a, b] = newEvents(2) as [ReturnType<typeof newEvent>, ReturnType<typeof newEvent>];
        await store.appendToStream(stream, [a, b], { expectedRevision: 'no-stream' });
        await expect(
          store.appendToStream(stream, [b, newEvent()], { expectedRevision: 0 }),
        ).rejects.toBeInstanceOf(Error);
        expect((await store.readStream(stream)).map((e) => e.id)).toEqual([a.id, b.id]);
      });
    });

    describe('6. reading a stream', () => {
      let stream: string;
      beforeAll(async () => {
        stream = newStream();
        await store.appendToStream(stream, newEvents(5));
      });

      it('reads forwards from a revision, inclusive, with a maximum count', async () => {
        const events = await store.readStream(stream, { fromRevision: 1, maxCount: 3 });
        expect(events.map((e) => e.revision)).toEqual([1, 2, 3]);
      });

      it('reads backwards from the end and from a revision', async () => {
        expect((await store.readStream(stream, { direction: 'backwards' })).map((e) => e.revision)).toEqual([
          4, 3, 2, 1, 0,
        ]);
        const fromTwo = await store.readStream(stream, { direction: 'backwards', fromRevision: 2, maxCount: 2 });
        expect(fromTwo.map((e) => e.revision)).toEqual([2, 1]);
      });

      it('gives StreamNotFound for a missing stream', async () => {
        await expect(store.readStream(newStream())).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    describe('7. reading all', () => {
      let streams: string[];
      beforeAll(async () => {
        streams = [newStream(), newStream()];
        for (let round = 0; round < 3; round++) {
          for (const stream of streams) await store.appendToStream(stream, [newEvent(`Round${round}`)]);
        }
      });
      const ours = () => ({ streamPrefixes: [`${prefix}-`] });

      it('gives strictly increasing positions that agree with each stream order', async () => {
        const events = (await collect(store.readAll({ filter: ours() }))).filter((e) =>
          streams.includes(e.streamName),
        );
        expect(events).toHaveLength(6);
        const positions = events.map((e) => e.position);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        expect(new Set(positions).size).toBe(6);
        for (const stream of streams) {
          expect(events.filter((e) => e.streamName === stream).map((e) => e.revision)).toEqual([0, 1, 2]);
        }
      });

      it('reads from a position (inclusive), forwards and backwards, with a maximum count', async () => {
        const all = await collect(store.readAll({ filter: ours() }));
        const from = all.at(-3)?.position as number;
        const tail = await collect(store.readAll({ fromPosition: from, filter: ours() }));
        expect(tail.map((e) => e.id)).toEqual(all.slice(-3).map((e) => e.id));
        const back = await collect(store.readAll({ direction: 'backwards', maxCount: 2, filter: ours() }));
        expect(back.map((e) => e.id)).toEqual(all.slice(-2).reverse().map((e) => e.id));
      });

      it('filters by stream prefix and by event type', async () => {
        const first = streams[0] as string;
        const byStream = await collect(store.readAll({ filter: { streamPrefixes: [first] } }));
        expect(byStream.map((e) => e.streamName)).toEqual([first, first, first]);
        const byType = await collect(store.readAll({ filter: { streamPrefixes: [`${prefix}-`], eventTypes: ['Round1'] } }));
        expect(byType.map((e) => e.type)).toEqual(['Round1', 'Round1']);
      });
    });

    describe('9. catch-up subscriptions', () => {
      it('gives history first, then live events, in order', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(3));
        const subscription = store.subscribeToAll({ filter: { streamPrefixes: [stream] } });
        try {
          const history = await take(subscription, 3);
          const live = newEvents(2, 'LiveEvent');
          setTimeout(() => void store.appendToStream(stream, live), 50);
          const after = await take(subscription, 2);
          expect(history.map((e) => e.revision)).toEqual([0, 1, 2]);
          expect(after.map((e) => e.id)).toEqual(live.map((e) => e.id));
        } finally {
          await subscription.close();
        }
      });

      it('treats the start position as exclusive', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(3));
        const [, second] = await store.readStream(stream);
        const subscription = store.subscribeToAll({
          fromPosition: second?.position as number,
          filter: { streamPrefixes: [stream] },
        });
        try {
          const [next] = await take(subscription, 1);
          expect(next?.revision).toBe(2);
        } finally {
          await subscription.close();
        }
      });

      it('loses nothing after a restart from a saved checkpoint', async () => {
        const stream = newStream();
        const checkpointName = `${stream}-subscriber`;
        await store.appendToStream(stream, newEvents(4));
        const first = store.subscribeToAll({ filter: { streamPrefixes: [stream] } });
        const handled = await take(first, 2);
        await store.checkpoints.save(checkpointName, handled[1]?.position as number);
        await first.close();

        await store.appendToStream(stream, newEvents(2));
        const saved = await store.checkpoints.load(checkpointName);
        const second = store.subscribeToAll({ fromPosition: saved, filter: { streamPrefixes: [stream] } });
        try {
          const rest = await take(second, 4);
          expect([...handled, ...rest].map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
        } finally {
          await second.close();
        }
      });

      it('starts at the end when asked for live events only', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(2));
        const subscription = store.subscribeToAll({ fromPosition: 'end', filter: { streamPrefixes: [stream] } });
        try {
          setTimeout(() => void store.appendToStream(stream, [newEvent('Later')]), 100);
          const [next] = await take(subscription, 1);
          expect(next?.type).toBe('Later');
        } finally {
          await subscription.close();
        }
      });
    });

    describe('10. stream metadata', () => {
      it('has its own revision, checked like a stream', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(1));
        expect(await store.getStreamMetadata(stream)).toBeUndefined();
        expect(await store.setStreamMetadata(stream, { custom: { owner: 'a' } })).toEqual({ metadataRevision: 0 });
        await expect(
          store.setStreamMetadata(stream, { custom: { owner: 'b' } }, { expectedMetadataRevision: 5 }),
        ).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await store.setStreamMetadata(stream, { custom: { owner: 'c' } }, { expectedMetadataRevision: 0 });
        expect(await store.getStreamMetadata(stream)).toEqual({ metadata: { custom: { owner: 'c' } }, metadataRevision: 1 });
      });

      it('hides events beyond maxCount and before truncateBefore from stream reads', async () => {
        const counted = newStream();
        await store.appendToStream(counted, newEvents(5));
        await store.setStreamMetadata(counted, { maxCount: 2 });
        expect((await store.readStream(counted)).map((e) => e.revision)).toEqual([3, 4]);

        const truncated = newStream();
        await store.appendToStream(truncated, newEvents(5));
        await store.setStreamMetadata(truncated, { truncateBefore: 3 });
        expect((await store.readStream(truncated)).map((e) => e.revision)).toEqual([3, 4]);
      });

      it('hides events older than maxAge from stream reads', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(2));
        await store.setStreamMetadata(stream, { maxAge: 1 });
        await sleep(1_200);
        await store.appendToStream(stream, [newEvent('Fresh')]);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['Fresh']);
      });
    });

    describe('11. deleting streams', () => {
      it('soft delete: reads give not-found, and a later append continues at the next revision', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(2));
        await store.deleteStream(stream);
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
        const result = await store.appendToStream(stream, [newEvent('Again')]);
        expect(result.nextExpectedRevision).toBe(2);
        const events = await store.readStream(stream);
        expect(events.map((e) => [e.revision, e.type])).toEqual([[2, 'Again']]);
      });

      it('hard delete: every later read or append fails with StreamDeleted', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(2));
        await store.tombstoneStream(stream);
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
        await expect(store.appendToStream(stream, newEvents(1))).rejects.toBeInstanceOf(StreamDeletedError);
      });

      it('checks the expected revision before deleting', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(2));
        await expect(store.deleteStream(stream, { expectedRevision: 0 })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        await expect(store.readStream(stream)).resolves.toHaveLength(2);
      });
    });
  });
}
