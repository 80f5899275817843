import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AccessTrailPage, Problem } from '@bluehelm/contracts';
import { ALL_READ_MODELS, ALL_TABLES } from '../projection/analytics-read-models.js';
import { planBatch } from '../projection/batch.plan.js';
import { SqliteReadModelDatabase } from '../read-model/sqlite-read-model-database.js';
import { logEvent, personalDataRead } from './access-trail.fixtures.js';
import { AccessTrailHandler } from './access-trail.handler.js';
import { AccessTrailReader } from './access-trail.reader.js';

const CASE = '7c3f0c1e-2a4b-4d6e-8f90-a1b2c3d4e5f6';
const events = [
  logEvent(0, `case-${CASE}`, 'CaseOpened', {}, { actor: 'case-tracking', recordedAt: '2024-05-01T08:00:00.000Z' }),
  personalDataRead(1, { resource: 'case', resourceId: CASE }, { actor: 'officer-1', recordedAt: '2024-05-01T09:00:00.000Z' }),
  personalDataRead(2, { resource: 'case', resourceId: CASE }, { actor: 'officer-1', recordedAt: '2024-05-01T10:00:00.000Z' }),
];

describe('the access trail query over NATS', () => {
  const database = SqliteReadModelDatabase.open(':memory:');
  const handler = new AccessTrailHandler(new AccessTrailReader(database));

  beforeAll(async () => {
    await database.createTables(ALL_TABLES);
    await database.writeBatch((checkpoints) => planBatch(ALL_READ_MODELS, events, checkpoints));
  });
  afterAll(() => database.close());

  it('answers a page for the query string fields, numbers given as text', async () => {
    const reply = (await handler.accessTrail({ resourceId: CASE, action: 'read-personal-data', limit: '1', after: '0' })) as AccessTrailPage;

    expect(reply.entries.map((entry) => entry.position)).toEqual([1]);
    expect(reply.next).toBe(1);
  });

  it('answers the whole trail, one default page, for an empty message', async () => {
    const reply = (await handler.accessTrail(undefined)) as AccessTrailPage;

    expect(reply).toMatchObject({ entries: [{ position: 0 }, { position: 1 }, { position: 2 }], next: null });
  });

  it('refuses fields that are not valid, naming each one', async () => {
    const reply = (await handler.accessTrail({ resourceId: 'case-1', action: 'delete', from: 'yesterday', limit: '0', page: 2 })) as Problem;

    expect(reply.status).toBe(422);
    expect(reply.errors?.map((error) => error.path).sort()).toEqual(['action', 'from', 'limit', 'page', 'resourceId']);
  });

  it('refuses a range whose end does not come after its start, on the field to', async () => {
    const reply = (await handler.accessTrail({ from: '2024-05-02', to: '2024-05-01' })) as Problem;

    expect(reply).toMatchObject({ status: 422, errors: [{ path: 'to' }] });
  });
});
