import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/adapters/sqlite/sqlite-event-store.js';
import { take } from '../src/contract/index.js';
import { buildEventStorePackage, FixtureProcess } from './fixtures/sqlite-child-process.js';

/** Services run as separate processes on one file: these specs write it from child processes. */
describe('sqlite event store shared by several processes', () => {
  let folder: string;
  const children: FixtureProcess[] = [];
  const start = (script: string, args: string[]) => {
    const child = new FixtureProcess(script, args);
    children.push(child);
    return child;
  };

  beforeAll(() => {
    buildEventStorePackage();
    folder = mkdtempSync(join(tmpdir(), 'bluehelm-sqlite-processes-'));
  }, 120_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(children.map((child) => child.exited));
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps every stream gap-free and every acknowledged append when 4 processes compete', async () => {
    const file = join(folder, 'competing', 'events.db');
    const streams = ['case-a', 'case-b', 'case-c'];
    const writers = ['w1', 'w2', 'w3', 'w4'].map((name) =>
      start('sqlite-concurrent-writer.mjs', [file, name, streams.join(','), '60']),
    );
    // They all open (and create) the new file at once, then start appending on one signal.
    await Promise.all(writers.map((writer) => writer.waitForLines(1)));
    for (const writer of writers) writer.send('go');
    const exitCodes = await Promise.all(writers.map((writer) => writer.exited));
    expect({ exitCodes, errors: writers.map((w) => w.errorOutput) }).toEqual({
      exitCodes: [0, 0, 0, 0],
      errors: ['', '', '', ''],
    });

    const messages = writers.flatMap((writer) => writer.lines.map((line) => JSON.parse(line)));
    const acknowledged = messages.filter((m) => m.stream) as {
      stream: string;
      ids: string[];
      nextExpectedRevision: number;
    }[];
    const conflicts = messages.reduce((sum, m) => sum + (m.conflicts ?? 0), 0);
    expect(acknowledged).toHaveLength(4 * 60);
    expect(conflicts).toBeGreaterThan(0);

    const store = await SqliteEventStore.open(file);
    try {
      for (const stream of streams) {
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual(events.map((_, index) => index));
        const ours = acknowledged.filter((append) => append.stream === stream);
        expect(events).toHaveLength(ours.reduce((sum, append) => sum + append.ids.length, 0));
        const idAt = new Map(events.map((e) => [e.revision, e.id]));
        for (const append of ours) {
          const first = append.nextExpectedRevision - append.ids.length + 1;
          expect(append.ids.map((_, i) => idAt.get(first + i))).toEqual(append.ids);
        }
      }
    } finally {
      await store.close();
    }
  }, 60_000);

  it('keeps every event acknowledged before a kill -9 of the writing process', async () => {
    const file = join(folder, 'killed', 'events.db');
    const appender = start('sqlite-acknowledged-appender.mjs', [file, 'incident-killed']);
    await appender.waitForLines(300);
    appender.kill('SIGKILL');
    await appender.exited;
    const acknowledged = [...appender.lines];
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);

    const store = await SqliteEventStore.open(file);
    try {
      const events = await store.readStream('incident-killed');
      expect(events.map((e) => e.revision)).toEqual(events.map((_, index) => index));
      // The killed append may have committed without being printed, never the reverse.
      expect(events.length - acknowledged.length).toBeGreaterThanOrEqual(0);
      expect(events.length - acknowledged.length).toBeLessThanOrEqual(1);
      expect(events.slice(0, acknowledged.length).map((e) => e.id)).toEqual(acknowledged);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('delivers to a subscription the events another process appends', async () => {
    const file = join(folder, 'followed', 'events.db');
    const store = await SqliteEventStore.open(file);
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['incident-remote'] } });
    try {
      const appender = start('sqlite-acknowledged-appender.mjs', [file, 'incident-remote', '20']);
      const received = await take(subscription, 20, 20_000);
      expect(await appender.exited).toBe(0);
      expect(received.map((e) => e.id)).toEqual(appender.lines);
      expect(received.map((e) => e.revision)).toEqual(received.map((_, index) => index));
    } finally {
      await subscription.close();
      await store.close();
    }
  }, 30_000);
});
