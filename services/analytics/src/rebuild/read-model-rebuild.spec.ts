import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryEventStore } from '@bluehelm/event-store';
import { asAppend, caseEvent, caseOpened, incidentReported, killed, type StoryEvent } from '../analytics.fixtures.js';
import { FatalitiesReader } from '../fatalities/fatalities.reader.js';
import { ALL_READ_MODELS, ALL_TABLES } from '../projection/analytics-read-models.js';
import { Projector } from '../projection/projector.js';
import { SqliteReadModelDatabase } from '../read-model/sqlite-read-model-database.js';
import { rebuildReadModels, type RebuildProgress } from './read-model-rebuild.js';

const CASE = '9b0c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const HISTORY: readonly StoryEvent[] = [
  incidentReported({ occurredOn: '2022-02-02', casualties: [killed('IND'), killed('NPL')] }),
  caseOpened(CASE, { incidentOccurredOn: '2022-02-02' }, '2022-02-03T00:00:00.000Z'),
  caseEvent(CASE, 'CaseReferred', { on: '2022-03-01', authority: 'Prosecutor' }, '2022-03-02T00:00:00.000Z'),
  incidentReported({ occurredOn: '2022-04', type: 'ied', detectedBeforeDetonation: true, casualties: [killed('IND')] }),
];

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

  const contents = async () => ({
    casualties: await database.query('SELECT * FROM fatality_casualties ORDER BY position, casualty_index'),
    ieds: await database.query('SELECT * FROM ied_incidents ORDER BY position'),
    facts: await database.query('SELECT * FROM accountability_facts ORDER BY position'),
    trail: await database.query('SELECT * FROM access_trail ORDER BY position'),
    checkpoints: await database.readCheckpoints(),
  });

  it('gives the read models the live projector builds, from position zero, reporting its progress', async () => {
    const projector = new Projector({ store, database, readModels: ALL_READ_MODELS });
    await projector.start();
    await projector.whenReached(HISTORY.length - 1);
    await projector.stop();
    const live = await contents();
    const progress: RebuildProgress[] = [];

    const outcome = await rebuildReadModels({ store, database, onProgress: (step) => progress.push(step) });

    expect(await contents()).toEqual(live);
    expect(outcome).toMatchObject({ events: HISTORY.length, head: HISTORY.length - 1 });
    expect(progress.at(-1)).toEqual({ position: HISTORY.length - 1, head: HISTORY.length - 1, events: HISTORY.length });
  });

  it('ends with every index of the tables, made after their rows', async () => {
    await rebuildReadModels({ store, database });

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

    await rebuildReadModels({ store, database });

    expect(await new FatalitiesReader(database).total()).toBe(3);
    expect((await database.readCheckpoints()).get('fatalities')).toBe(HISTORY.length - 1);
  });
});
