import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/adapters/sqlite/sqlite-event-store.js';
import { collect, newEvent, newEvents, take } from '../src/contract/index.js';

const folder = mkdtempSync(join(tmpdir(), 'bluehelm-sqlite-reading-'));

describe('sqlite event store: reading the log', () => {
  let store: SqliteEventStore;
  const BULK = 4_500; // more than two readAll pages

  beforeAll(async () => {
    store = await SqliteEventStore.open(join(folder, 'events.db'));
    for (let n = 0; n < BULK / 100; n++) await store.appendToStream(`bulk-${n}`, newEvents(100, 'Bulk'));
    await store.appendToStream('rare-1', [newEvent('Rare')]);
  });
  afterAll(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads every event across page boundaries, once and in position order', async () => {
    const events = await collect(store.readAll({ filter: { streamPrefixes: ['bulk-'] } }));
    expect(events).toHaveLength(BULK);
    expect(new Set(events.map((e) => e.id)).size).toBe(BULK);
    expect(events.every((e, i) => i === 0 || e.position > (events[i - 1]?.position ?? 0))).toBe(true);
  });

  it('reads backwards across page boundaries with a maximum count', async () => {
    const forwards = await collect(store.readAll());
    const backwards = await collect(store.readAll({ direction: 'backwards', maxCount: 2_500 }));
    expect(backwards.map((e) => e.position)).toEqual(forwards.slice(-2_500).reverse().map((e) => e.position));
  });

  it('gives nothing forwards from the end or backwards from the start', async () => {
    await expect(collect(store.readAll({ fromPosition: 'end' }))).resolves.toEqual([]);
    await expect(collect(store.readAll({ direction: 'backwards', fromPosition: 'start' }))).resolves.toEqual([]);
  });

  it('finds a rare event type behind thousands of others', async () => {
    const [rare] = await collect(store.readAll({ filter: { eventTypes: ['Rare'] } }));
    expect(rare?.streamName).toBe('rare-1');
  });

  it('keeps a filtered subscription live after it has scanned past non-matching events', async () => {
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['rare-'] } });
    try {
      const [history] = await take(subscription, 1);
      expect(history?.type).toBe('Rare');
      // Idle polls now start past the bulk; later matches, between non-matching events, must still arrive.
      await new Promise((resolve) => setTimeout(resolve, 80));
      await store.appendToStream('bulk-late', newEvents(3, 'Bulk'));
      await store.appendToStream('rare-2', [newEvent('Rare')]);
      await store.appendToStream('bulk-late', newEvents(3, 'Bulk'));
      await store.appendToStream('rare-1', [newEvent('Rare')]);
      const live = await take(subscription, 2);
      expect(live.map((e) => [e.streamName, e.revision])).toEqual([
        ['rare-2', 0],
        ['rare-1', 1],
      ]);
    } finally {
      await subscription.close();
    }
  });

  it('ends an open subscription when the store closes', async () => {
    const own = await SqliteEventStore.open(join(folder, 'closing.db'));
    await own.appendToStream('case-1', newEvents(2));
    const subscription = own.subscribeToAll();
    const received: string[] = [];
    const consumed = (async () => {
      for await (const event of subscription) received.push(event.id);
      return 'ended';
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await own.close();
    await expect(consumed).resolves.toBe('ended');
    expect(received).toHaveLength(2);
  });
});
