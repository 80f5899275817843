import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/adapters/sqlite/sqlite-event-store.js';
import { collect, newEvents } from '../src/contract/index.js';

const folder = mkdtempSync(join(tmpdir(), 'bluehelm-sqlite-append-only-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('sqlite event store: the file itself refuses to change stored events', () => {
  let file: string;
  let store: SqliteEventStore;
  let other: Database.Database;

  beforeEach(async () => {
    file = join(folder, `${expect.getState().currentTestName?.replace(/\W+/g, '-')}.db`);
    store = await SqliteEventStore.open(file);
    other = new Database(file, { timeout: 5_000 });
  });
  afterEach(async () => {
    other.close();
    await store.close();
  });

  it('refuses an UPDATE of an event made through another connection', async () => {
    await store.appendToStream('case-1', newEvents(2));
    expect(() => other.prepare(`UPDATE events SET data = '{"forged":true}'`).run()).toThrow(/append-only/);
    expect(() => other.prepare('UPDATE events SET revision = revision + 1').run()).toThrow(/append-only/);
    expect((await store.readStream('case-1')).map((e) => e.data)).toEqual([{ n: 0 }, { n: 1 }]);
  });

  it('refuses a DELETE of events made through another connection', async () => {
    await store.appendToStream('case-1', newEvents(2));
    expect(() => other.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(() => other.prepare('DELETE FROM events WHERE revision = 1').run()).toThrow(/append-only/);
    expect(await store.readStream('case-1')).toHaveLength(2);
  });

  it('refuses to replace an event through INSERT OR REPLACE', async () => {
    await store.appendToStream('case-1', newEvents(1));
    const [stored] = await store.readStream('case-1');
    expect(() =>
      other
        .prepare(
          `INSERT OR REPLACE INTO events (position, stream_name, revision, id, type, data, metadata, created_at)
           VALUES (?, 'case-1', 0, ?, 'Forged', '{}', '{}', '2000-01-01T00:00:00.000Z')`,
        )
        .run(stored?.position, stored?.id),
    ).toThrow(/append-only/);
    expect((await store.readStream('case-1'))[0]?.type).toBe(stored?.type);
  });

  it('scavenge removes only events no stream read can give, and leaves no permit behind', async () => {
    await store.appendToStream('deleted-1', newEvents(2));
    await store.deleteStream('deleted-1');
    await store.appendToStream('deleted-1', newEvents(1));
    await store.appendToStream('truncated-1', newEvents(4));
    await store.setStreamMetadata('truncated-1', { truncateBefore: 3 });
    await store.appendToStream('counted-1', newEvents(5));
    await store.setStreamMetadata('counted-1', { maxCount: 2 });
    await store.appendToStream('tombstoned-1', newEvents(3));
    await store.tombstoneStream('tombstoned-1');
    await store.appendToStream('untouched-1', newEvents(3));
    await store.setStreamMetadata('untouched-1', { custom: { owner: 'x' } });
    const readable = async () => ({
      deleted: await store.readStream('deleted-1'),
      truncated: await store.readStream('truncated-1'),
      counted: await store.readStream('counted-1'),
      untouched: await store.readStream('untouched-1'),
    });
    const before = await readable();

    const { removedEvents } = await store.scavenge();

    expect(removedEvents).toBe(2 + 3 + 3 + 3);
    expect(await readable()).toEqual(before);
    const remaining = await collect(store.readAll());
    expect(remaining.map((e) => `${e.streamName}@${e.revision}`)).toEqual([
      'deleted-1@2',
      'truncated-1@3',
      'counted-1@3',
      'counted-1@4',
      'untouched-1@0',
      'untouched-1@1',
      'untouched-1@2',
    ]);
    expect(other.prepare('SELECT count(*) AS permits FROM scavenge_permit').get()).toEqual({ permits: 0 });
    expect(() => other.prepare('DELETE FROM events').run()).toThrow(/append-only/);
  });

  it('scavenge removes events older than maxAge at the given instant', async () => {
    await store.appendToStream('aged-1', newEvents(3));
    await store.setStreamMetadata('aged-1', { maxAge: 60 });
    expect((await store.scavenge()).removedEvents).toBe(0);
    const inAnHour = new Date(Date.now() + 3_600_000);
    expect((await store.scavenge(inAnHour)).removedEvents).toBe(3);
    await expect(collect(store.readAll())).resolves.toEqual([]);
  });

  it('never reuses the position of a scavenged event at the end of the log', async () => {
    await store.appendToStream('kept-1', newEvents(1));
    const { position: lastBefore } = await store.appendToStream('tombstoned-1', newEvents(2));
    await store.tombstoneStream('tombstoned-1');
    await store.scavenge();
    const { position } = await store.appendToStream('kept-1', newEvents(1));
    expect(position).toBeGreaterThan(lastBefore);
  });
});
