import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/adapters/sqlite/sqlite-event-store.js';
import { WrongExpectedVersionError } from '../src/errors.js';
import { collect, newEvent, newEvents } from '../src/contract/index.js';

describe('sqlite group commit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-group-commit-'));
  let store: SqliteEventStore;
  beforeAll(async () => {
    store = await SqliteEventStore.open(join(dir, 'events.db'));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits appends made together, and undoes only the one that is refused', async () => {
    const prefix = `group-${randomUUID()}`;
    const existing = `${prefix}-existing`;
    await store.appendToStream(existing, newEvents(1));
    const together = [
      ...Array.from({ length: 40 }, (_, n) => store.appendToStream(`${prefix}-${n}`, newEvents(2), { expectedRevision: 'no-stream' })),
      store.appendToStream(existing, [newEvent()], { expectedRevision: 'no-stream' }),
    ];
    const outcomes = await Promise.allSettled(together);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(40);
    const refused = outcomes.at(-1);
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(WrongExpectedVersionError);
    const written = await collect(store.readAll({ filter: { streamPrefixes: [prefix] } }));
    expect(written).toHaveLength(81);
    expect(await store.readStream(existing)).toHaveLength(1);
  });

  it('answers an append only once it is committed, even when the store closes right after', async () => {
    const path = join(dir, 'closing.db');
    const closing = await SqliteEventStore.open(path);
    const stream = `closing-${randomUUID()}`;
    const appended = closing.appendToStream(stream, newEvents(3));
    await closing.close();
    await expect(appended).resolves.toMatchObject({ nextExpectedRevision: 2 });
    const reopened = await SqliteEventStore.open(path);
    expect(await reopened.readStream(stream)).toHaveLength(3);
    await reopened.close();
  });
});
