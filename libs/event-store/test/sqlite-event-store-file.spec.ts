import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/adapters/sqlite/sqlite-event-store.js';
import {
  applyConnectionSettings,
  SQLITE_SCHEMA_VERSION,
  SqliteSchemaTooNewError,
} from '../src/adapters/sqlite/sqlite-schema.js';
import { createEventStore } from '../src/event-store.factory.js';
import { newEvents } from '../src/contract/index.js';

const folder = mkdtempSync(join(tmpdir(), 'bluehelm-sqlite-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('sqlite event store file', () => {
  it('creates missing parent folders, a WAL-mode file and a versioned schema', async () => {
    const file = join(folder, 'not', 'yet', 'there', 'events.db');
    const store = await SqliteEventStore.open(file);
    await store.close();
    expect(existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
      expect(tables).toEqual(
        expect.arrayContaining(['checkpoints', 'events', 'scavenge_permit', 'stream_metadata', 'streams']),
      );
    } finally {
      db.close();
    }
  });

  it('keeps events, metadata and checkpoints across a close and a reopen', async () => {
    const file = join(folder, 'reopened.db');
    const first = await SqliteEventStore.open(file);
    const events = newEvents(3);
    const { position } = await first.appendToStream('case-1', events, { expectedRevision: 'no-stream' });
    await first.setStreamMetadata('case-1', { custom: { owner: 'registry' } });
    await first.checkpoints.save('relay', position);
    await first.close();

    const second = await SqliteEventStore.open(file);
    try {
      expect((await second.readStream('case-1')).map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(await second.getStreamMetadata('case-1')).toEqual({
        metadata: { custom: { owner: 'registry' } },
        metadataRevision: 0,
      });
      expect(await second.checkpoints.load('relay')).toBe(position);
      expect(await second.checkpoints.load('never-saved')).toBeUndefined();
      const next = await second.appendToStream('case-1', newEvents(1), { expectedRevision: 2 });
      expect(next.position).toBeGreaterThan(position);
    } finally {
      await second.close();
    }
  });

  it('refuses a file whose schema is newer than this release knows', async () => {
    const file = join(folder, 'newer.db');
    const db = new Database(file);
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION + 1}`);
    db.close();
    await expect(SqliteEventStore.open(file)).rejects.toBeInstanceOf(SqliteSchemaTooNewError);
  });

  it('gives each connection synchronous=FULL and a busy timeout', () => {
    const db = new Database(join(folder, 'settings.db'), { timeout: 0 });
    try {
      applyConnectionSettings(db);
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5_000);
    } finally {
      db.close();
    }
  });

  it('is what createEventStore opens for a sqlite: url, and answers ping', async () => {
    const store = await createEventStore(`sqlite:${join(folder, 'from-url', 'events.db')}`);
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
