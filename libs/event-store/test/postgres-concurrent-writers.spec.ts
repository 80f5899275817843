import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresEventStore } from '../src/adapters/postgres/postgres-event-store.js';
import { WrongExpectedVersionError } from '../src/errors.js';
import { newEvents } from '../src/contract/index.js';
import type { RecordedEvent } from '../src/port/recorded-event.js';
import { freshTestSchema } from './fixtures/postgres-test-schema.js';

const WRITERS = 8;
const APPENDS_PER_WRITER = 400;
const eventsInAppend = (n: number) => 1 + (n % 3);
const TOTAL_EVENTS =
  WRITERS * Array.from({ length: APPENDS_PER_WRITER }, (_, n) => eventsInAppend(n)).reduce((a, b) => a + b, 0);

/** The positions at which what one reader saw went down or stood still instead of going up. */
function positionsGoingBack(events: readonly RecordedEvent[]): number[] {
  return events.flatMap((event, index) => {
    const previous = events[index - 1];
    return previous && event.position <= previous.position ? [event.position] : [];
  });
}

function whatWasMissedOrRepeated(seen: readonly RecordedEvent[], appendedIds: readonly string[]) {
  const seenIds = new Set(seen.map((event) => event.id));
  const appended = new Set(appendedIds);
  return {
    positionsGoingBack: positionsGoingBack(seen),
    missing: appendedIds.filter((id) => !seenIds.has(id)).length,
    seenTwice: seen.length - seenIds.size,
    neverAppended: [...seenIds].filter((id) => !appended.has(id)).length,
  };
}

// Contract point 8: a reader following the log never passes a position whose event is not yet visible.
describe('postgres event store under concurrent writers', () => {
  const testSchema = freshTestSchema('concurrency');
  let writer: PostgresEventStore;
  let reader: PostgresEventStore;

  beforeAll(async () => {
    writer = await PostgresEventStore.connect(testSchema.url, { poolSize: WRITERS });
    // Small pages, so that the readers cross many page boundaries while the writers commit.
    reader = await PostgresEventStore.connect(testSchema.url, { poolSize: 3, readPageSize: 50 });
  });
  afterAll(async () => {
    await Promise.all([writer?.close(), reader?.close()]);
    await testSchema.drop();
  });

  it('lets readAll and a live subscription see every event exactly once, positions only going up', async () => {
    const subscription = reader.subscribeToAll();
    const seenBySubscription: RecordedEvent[] = [];
    const subscriptionFollower = (async () => {
      for await (const event of subscription) {
        seenBySubscription.push(event);
        if (seenBySubscription.length === TOTAL_EVENTS) return;
      }
    })();
    const appendedIds: string[] = [];
    let writing = true;

    const writers = Array.from({ length: WRITERS }, async (_, writerIndex) => {
      for (let n = 0; n < APPENDS_PER_WRITER; n++) {
        const events = newEvents(eventsInAppend(n));
        await writer.appendToStream(`writer${writerIndex}-${n % 4}`, events);
        appendedIds.push(...events.map((event) => event.id));
      }
    });

    const seenByReadAll: RecordedEvent[] = [];
    const readAllFollower = (async () => {
      let from = 0;
      let passes = 0;
      for (;;) {
        // Sampled before the pass, so that the last pass starts after the last commit.
        const lastPass = !writing;
        for await (const event of reader.readAll({ fromPosition: from })) {
          seenByReadAll.push(event);
          from = event.position + 1;
        }
        passes += 1;
        if (lastPass) return passes;
      }
    })();

    await Promise.all(writers);
    writing = false;
    const readAllPasses = await readAllFollower;
    // A subscription that skipped an event would wait for it forever: give it a few seconds to catch up.
    let catchUpTimer: NodeJS.Timeout | undefined;
    await Promise.race([subscriptionFollower, new Promise((resolve) => (catchUpTimer = setTimeout(resolve, 5_000)))]);
    clearTimeout(catchUpTimer);
    await subscription.close();

    expect(appendedIds).toHaveLength(TOTAL_EVENTS);
    // The reader really followed the writers rather than reading once at the end.
    expect(readAllPasses).toBeGreaterThan(10);
    const nothingWrong = { positionsGoingBack: [], missing: 0, seenTwice: 0, neverAppended: 0 };
    expect(whatWasMissedOrRepeated(seenByReadAll, appendedIds)).toEqual(nothingWrong);
    expect(whatWasMissedOrRepeated(seenBySubscription, appendedIds)).toEqual(nothingWrong);
    // Only these appends ran in this schema and none failed, so positions leave no gap.
    expect(seenByReadAll.map((event) => event.position)).toEqual(appendedIds.map((_, index) => index));
  }, 120_000);

  it('lets exactly one of many first appends to a new stream succeed', async () => {
    const attempts = Array.from({ length: WRITERS }, () => newEvents(2));
    const outcomes = await Promise.allSettled(
      attempts.map((events) => writer.appendToStream('first-come', events, { expectedRevision: 'no-stream' })),
    );
    const winners = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [index] : []));
    const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(winners).toHaveLength(1);
    expect(losers.every((reason) => reason instanceof WrongExpectedVersionError)).toBe(true);
    expect(losers).toHaveLength(WRITERS - 1);
    const stored = await reader.readStream('first-come');
    expect(stored.map((event) => event.id)).toEqual(attempts[winners[0] as number]?.map((event) => event.id));
  });
});
