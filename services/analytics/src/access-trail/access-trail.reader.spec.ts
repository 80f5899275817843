import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AccessTrailPage, AccessTrailQuery } from '@bluehelm/contracts';
import pg from 'pg';
import { ALL_READ_MODELS, ALL_TABLES } from '../projection/analytics-read-models.js';
import { planBatch } from '../projection/batch.plan.js';
import { PostgresReadModelDatabase } from '../read-model/postgres-read-model-database.js';
import type { ReadModelDatabase } from '../read-model/read-model-database.js';
import { SqliteReadModelDatabase } from '../read-model/sqlite-read-model-database.js';
import { logEvent, personalDataErased, personalDataRead } from './access-trail.fixtures.js';
import { InvertedTimeRangeError } from './access-trail.query.js';
import { AccessTrailReader } from './access-trail.reader.js';

const POSTGRES_URL = process.env['POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const CASE = '7c3f0c1e-2a4b-4d6e-8f90-a1b2c3d4e5f6';
const INCIDENT = '6f1c2a52-0b7e-4c8e-9a3e-2d1f0c9b8a71';
const FOCAL_POINT = '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a';
const BULK = 150;

// One day of a case's life, then a bulk of reads by one actor to page through.
const events = [
  logEvent(0, `incident-${INCIDENT}`, 'IncidentReported', {}, { actor: 'reporter-1', recordedAt: '2024-05-01T08:00:00.000Z', correlationId: 'corr-0' }),
  logEvent(1, `case-${CASE}`, 'CaseOpened', {}, { actor: 'case-tracking', recordedAt: '2024-05-01T08:00:01.000Z', correlationId: 'corr-0' }),
  personalDataRead(2, { resource: 'case', resourceId: CASE, reason: 'prosecution file' }, { actor: 'officer-1', recordedAt: '2024-05-01T23:59:59.999Z' }),
  personalDataRead(3, { resource: 'incident', resourceId: INCIDENT }, { actor: 'officer-1', recordedAt: '2024-05-02T00:00:00.000Z' }),
  // 08:00 UTC, written with its zone.
  personalDataErased(4, CASE, 'court order', { actor: 'officer-2', recordedAt: '2024-05-03T10:00:00.000+02:00', correlationId: 'corr-4' }),
  logEvent(5, `focalpoint-${FOCAL_POINT}`, 'FocalPointCreated', {}, { actor: 'admin-1', recordedAt: '2024-05-04T09:00:00.000Z' }),
  logEvent(6, 'legacy', 'SomethingHappened', {}, { recordedAt: '2024-05-04T10:00:00.000Z' }),
  ...Array.from({ length: BULK }, (_, n) =>
    personalDataRead(100 + n, { resource: 'case', resourceId: CASE }, { actor: 'bulk-reader', recordedAt: '2024-06-01T00:00:00.000Z' }),
  ),
];

const positionsOf = (page: AccessTrailPage) => page.entries.map((entry) => entry.position);

function describeAccessTrailReader(adapter: string, open: () => Promise<ReadModelDatabase>): void {
  describe(`the access trail on ${adapter}`, () => {
    let database: ReadModelDatabase;
    let reader: AccessTrailReader;
    const page = (query: Partial<AccessTrailQuery>) => reader.page({ limit: 20, ...query });

    beforeAll(async () => {
      database = await open();
      await database.createTables(ALL_TABLES);
      await database.writeBatch((checkpoints) => planBatch(ALL_READ_MODELS, events, checkpoints));
      reader = new AccessTrailReader(database);
    });
    afterAll(() => database.close());

    it('answers every entry in log order, each as recorded', async () => {
      const { entries, next } = await page({ to: '2024-06-01' });

      expect(entries.map((entry) => entry.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(next).toBeNull();
      expect(entries[2]).toEqual({
        position: 2,
        recordedAt: '2024-05-01T23:59:59.999Z',
        actor: 'officer-1',
        action: 'read-personal-data',
        stream: `access-${CASE}`,
        eventType: 'PersonalDataRead',
        resource: { type: 'case', id: CASE },
        reason: 'prosecution file',
        correlationId: null,
      });
      expect(entries[4]).toEqual({
        position: 4,
        recordedAt: '2024-05-03T08:00:00.000Z',
        actor: 'officer-2',
        action: 'erase-personal-data',
        stream: `case-${CASE}`,
        eventType: 'PersonalDataErased',
        resource: { type: 'case', id: CASE },
        reason: 'court order',
        correlationId: 'corr-4',
      });
      expect(entries[6]).toMatchObject({ actor: 'unknown', action: 'write', resource: null, reason: null, correlationId: null });
    });

    it('filters by actor, by resource (in either case) and by action', async () => {
      expect(positionsOf(await page({ actor: 'officer-1' }))).toEqual([2, 3]);
      expect(positionsOf(await page({ resourceId: CASE.toUpperCase(), to: '2024-06-01' }))).toEqual([1, 2, 4]);
      expect(positionsOf(await page({ resourceId: FOCAL_POINT }))).toEqual([5]);
      expect(positionsOf(await page({ action: 'write' }))).toEqual([0, 1, 5, 6]);
      expect(positionsOf(await page({ action: 'erase-personal-data' }))).toEqual([4]);
      expect(positionsOf(await page({ action: 'read-personal-data', resourceId: INCIDENT }))).toEqual([3]);
      expect(positionsOf(await page({ actor: 'nobody' }))).toEqual([]);
    });

    it('takes from from its first instant and leaves to out, a day meaning 00:00 UTC', async () => {
      expect(positionsOf(await page({ from: '2024-05-01', to: '2024-05-02' }))).toEqual([0, 1, 2]);
      expect(positionsOf(await page({ from: '2024-05-02', to: '2024-05-04' }))).toEqual([3, 4]);
      expect(positionsOf(await page({ from: '2024-05-03T10:00:00+02:00', to: '2024-05-03T08:00:00.001Z' }))).toEqual([4]);
      expect(positionsOf(await page({ from: '2024-05-04T09:00:00Z', action: 'write' }))).toEqual([5, 6]);
    });

    it('pages by position: each page gives the cursor of the next, the last gives none', async () => {
      const first = await reader.page({ to: '2024-06-01', limit: 3 });
      const second = await reader.page({ to: '2024-06-01', limit: 3, ...(first.next !== null && { after: first.next }) });
      const third = await reader.page({ to: '2024-06-01', limit: 3, ...(second.next !== null && { after: second.next }) });

      expect([positionsOf(first), first.next]).toEqual([[0, 1, 2], 2]);
      expect([positionsOf(second), second.next]).toEqual([[3, 4, 5], 5]);
      expect([positionsOf(third), third.next]).toEqual([[6], null]);
    });

    it('gives no cursor for a page that ends exactly with the last entry', async () => {
      const page = await reader.page({ actor: 'officer-1', limit: 2 });

      expect([positionsOf(page), page.next]).toEqual([[2, 3], null]);
    });

    it('holds the default of 100 entries, or the limit asked for, up to 500', async () => {
      const byDefault = await reader.page({ actor: 'bulk-reader' });
      const rest = await reader.page({ actor: 'bulk-reader', after: byDefault.next ?? 0, limit: 500 });

      expect(byDefault.entries).toHaveLength(100);
      expect(byDefault.next).toBe(199);
      expect(positionsOf(rest)).toEqual(Array.from({ length: BULK - 100 }, (_, n) => 200 + n));
      expect(rest.next).toBeNull();
    });

    it('keeps one entry per event when the same rows are written again, whatever the checkpoints say', async () => {
      const before = await reader.page({ limit: 500 });

      await database.writeBatch((checkpoints) => ({ ...planBatch(ALL_READ_MODELS, events, new Map()), checkpoints }));

      expect(await reader.page({ limit: 500 })).toEqual(before);
    });

    it('stores a stream only when it is not the conventional one of its action and resource, and answers it either way', async () => {
      const own = await open();
      try {
        await own.createTables(ALL_TABLES);
        const unusual = [
          logEvent(0, `case-${CASE}`, 'CaseOpened', {}, { actor: 'a', recordedAt: '2024-05-01T08:00:00.000Z' }),
          logEvent(1, `case-${CASE.toUpperCase()}`, 'CaseReferred', {}, { actor: 'a', recordedAt: '2024-05-01T08:00:00.000Z' }),
          personalDataRead(2, { resource: 'case', resourceId: CASE }, { actor: 'a', recordedAt: '2024-05-01T08:00:00.000Z' }),
          { ...personalDataRead(3, { resource: 'case', resourceId: CASE }, { actor: 'a', recordedAt: '2024-05-01T08:00:00.000Z' }), streamName: `access-${INCIDENT}` },
          logEvent(4, 'legacy', 'SomethingHappened', {}, { recordedAt: '2024-05-01T08:00:00.000Z' }),
        ];
        await own.writeBatch((checkpoints) => planBatch(ALL_READ_MODELS, unusual, checkpoints));

        const stored = await own.query<{ position: number; stream: string | null }>('SELECT position, stream FROM access_trail ORDER BY position');
        const answered = await new AccessTrailReader(own).page({});

        expect(stored.map((row) => row.stream)).toEqual([null, `case-${CASE.toUpperCase()}`, null, `access-${INCIDENT}`, 'legacy']);
        expect(answered.entries.map((entry) => entry.stream)).toEqual(unusual.map((event) => event.streamName));
      } finally {
        await own.close();
      }
    });

    it('refuses a range whose end does not come after its start', async () => {
      await expect(reader.page({ from: '2024-05-02', to: '2024-05-01T23:00:00Z' })).rejects.toBeInstanceOf(InvertedTimeRangeError);
      await expect(reader.page({ from: '2024-05-02', to: '2024-05-02' })).rejects.toBeInstanceOf(InvertedTimeRangeError);
    });
  });
}

describeAccessTrailReader('sqlite', async () => SqliteReadModelDatabase.open(':memory:'));

const schemas: string[] = [];
describeAccessTrailReader('postgres', async () => {
  const schema = `analytics_trail_spec_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  schemas.push(schema);
  return PostgresReadModelDatabase.connect(POSTGRES_URL, schema);
});

afterAll(async () => {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});
