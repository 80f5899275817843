import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryEventStore, type RecordedEvent } from '@bluehelm/event-store';
import { asAppend, caseEvent, caseOpened, incidentReported, killed, type StoryEvent } from '../analytics.fixtures.js';
import { FatalitiesReader } from '../fatalities/fatalities.reader.js';
import { ACCESS_TRAIL_GROUP, ALL_READ_MODELS, ALL_TABLES, ANALYTICS_GROUP } from '../projection/analytics-read-models.js';
import { planBatch } from '../projection/batch.plan.js';
import { Projector } from '../projection/projector.js';
import { projectionNamesOf } from '../projection/read-model-group.js';
import { SqliteReadModelDatabase } from '../read-model/sqlite-read-model-database.js';
import { rebuildReadModels, type RebuildProgress } from './read-model-rebuild.js';

const CASE = '9b0c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const HISTORY: readonly StoryEvent[] = [
  incidentReported({ occurredOn: '2022-02-02', casualties: [killed('IND'), killed('NPL')] }),
  caseOpened(CASE, { incidentOccurredOn: '2022-02-02' }, '2022-02-03T00:00:00.000Z'),
  caseEvent(CASE, 'CaseReferred', { on: '2022-03-01', authority: 'Prosecutor' }, '2022-03-02T00:00:00.000Z'),
  incidentReported({ occurredOn: '2022-04', type: 'ied', detectedBeforeDetonation: true, casualties: [killed('IND')] }),
];
const HEAD = HISTORY.length - 1;

describe('rebuilding the read models', () => {
  let store: MemoryEventStore;
  let database: SqliteReadModelDatabase;

  beforeEach(async () => {
    store = new MemoryEventStore();
    for (const event of HISTORY) await store.appendToStream(event.streamName, [asAppend(event)]);
    database = SqliteReadModelDatabase.open(':memory:');
    await database.createTables(ALL_TABLES);
  });
  afterEach(() => database.close());

  const rowsOf = {
    [ANALYTICS_GROUP.name]: async () => ({
      casualties: await database.query('SELECT * FROM fatality_casualties ORDER BY position, casualty_index'),
      ieds: await database.query('SELECT * FROM ied_incidents ORDER BY position'),
      facts: await database.query('SELECT * FROM accountability_facts ORDER BY position'),
    }),
    [ACCESS_TRAIL_GROUP.name]: async () => ({ trail: await database.query('SELECT * FROM access_trail ORDER BY position') }),
  };
  const contents = async () => ({
    ...(await rowsOf[ANALYTICS_GROUP.name]?.()),
    ...(await rowsOf[ACCESS_TRAIL_GROUP.name]?.()),
    checkpoints: await database.readCheckpoints(),
  });

  it('gives the read models the live projector builds, from position zero, reporting its progress', async () => {
    const projector = new Projector({ store, database, readModels: ALL_READ_MODELS });
    await projector.start();
    await projector.whenReached(HEAD);
    await projector.stop();
    const live = await contents();
    const progress: RebuildProgress[] = [];

    const outcome = await rebuildReadModels({ store, database, group: ANALYTICS_GROUP, onProgress: (step) => progress.push(step) });
    await rebuildReadModels({ store, database, group: ACCESS_TRAIL_GROUP });

    expect(await contents()).toEqual(live);
    expect(outcome).toMatchObject({ events: HISTORY.length, head: HEAD });
    expect(progress.at(-1)).toEqual({ position: HEAD, head: HEAD, events: HISTORY.length });
  });

  it('ends with every index of the tables, made after their rows', async () => {
    await rebuildReadModels({ store, database, group: ACCESS_TRAIL_GROUP });

    const indexes = await database.query<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'access_trail' AND sql IS NOT NULL ORDER BY name",
    );
    expect(indexes.map((index) => index.name)).toEqual([
      'access_trail_actor_position',
      'access_trail_recorded_at',
      'access_trail_resource_id_position',
    ]);
  });

  it('starts from position zero whatever checkpoints the read models held', async () => {
    await database.writeBatch(() => ({
      tables: [],
      checkpoints: new Map([['fatalities', 99]]),
    }));

    await rebuildReadModels({ store, database, group: ANALYTICS_GROUP });

    expect(await new FatalitiesReader(database).total()).toBe(3);
    expect((await database.readCheckpoints()).get('fatalities')).toBe(HEAD);
  });

  it.each([
    { rebuilt: ANALYTICS_GROUP, other: ACCESS_TRAIL_GROUP },
    { rebuilt: ACCESS_TRAIL_GROUP, other: ANALYTICS_GROUP },
  ])('rebuilds $rebuilt.name and leaves the rows and checkpoints of $other.name untouched', async ({ rebuilt, other }) => {
    // Every read model has applied the first two events only: the other group stays there.
    const firstTwo: RecordedEvent[] = [];
    for await (const event of store.readAll({ maxCount: 2 })) firstTwo.push(event);
    await database.writeBatch((checkpoints) => planBatch(ALL_READ_MODELS, firstTwo, checkpoints));
    const otherRows = await rowsOf[other.name]?.();
    const otherCheckpoints = projectionNamesOf(other).map((name) => [name, 1]);

    await rebuildReadModels({ store, database, group: rebuilt });

    const checkpoints = await database.readCheckpoints();
    expect(await rowsOf[other.name]?.()).toEqual(otherRows);
    expect(projectionNamesOf(other).map((name) => [name, checkpoints.get(name)])).toEqual(otherCheckpoints);
    expect(projectionNamesOf(rebuilt).map((name) => checkpoints.get(name))).toEqual(projectionNamesOf(rebuilt).map(() => HEAD));
    expect(Object.values((await rowsOf[rebuilt.name]?.()) ?? {}).every((rows) => rows.length > 0)).toBe(true);
  });
});
