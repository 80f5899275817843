import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryEventStore } from '@bluehelm/event-store';
import { AccessTrailReader } from '../access-trail/access-trail.reader.js';
import { asAppend, caseOpened, incidentReported, killed, type StoryEvent } from '../analytics.fixtures.js';
import { FatalitiesReader } from '../fatalities/fatalities.reader.js';
import { SqliteReadModelDatabase } from '../read-model/sqlite-read-model-database.js';
import { ALL_READ_MODELS, ALL_TABLES } from './analytics-read-models.js';
import { Projector } from './projector.js';

async function append(store: MemoryEventStore, events: readonly StoryEvent[]): Promise<number> {
  let position = -1;
  for (const event of events) ({ position } = await store.appendToStream(event.streamName, [asAppend(event)]));
  return position;
}

describe('the projector', () => {
  let store: MemoryEventStore;
  let database: SqliteReadModelDatabase;
  const running: Projector[] = [];

  const startProjector = async () => {
    const projector = new Projector({ store, database, readModels: ALL_READ_MODELS });
    running.push(projector);
    await projector.start();
    return projector;
  };

  beforeEach(async () => {
    store = new MemoryEventStore();
    database = SqliteReadModelDatabase.open(':memory:');
    await database.createTables(ALL_TABLES);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((projector) => projector.stop()));
    await database.close();
  });

  it('applies the history, then each new event, moving every checkpoint', async () => {
    await append(store, [incidentReported({ occurredOn: '2021-01-01', casualties: [killed('NPL')] })]);
    const projector = await startProjector();
    const last = await append(store, [
      incidentReported({ occurredOn: '2021-01-02', casualties: [killed('RWA')] }),
      caseOpened('5a1e0000-0000-4000-8000-000000000001', { incidentOccurredOn: '2021-01-02' }, '2021-01-03T00:00:00.000Z'),
    ]);

    await projector.whenReached(last);

    expect(await new FatalitiesReader(database).total()).toBe(2);
    expect(await database.readCheckpoints()).toEqual(
      new Map([['fatalities', last], ['ied-detection', last], ['accountability-facts', last], ['access-trail', last]]),
    );
  });

  it('follows every stream: the access trail records them all, the incident read models only incidents', async () => {
    await store.appendToStream('notification-1', [asAppend(incidentReported({ occurredOn: '2021-01-01', casualties: [killed('NPL')] }))]);
    const last = await append(store, [incidentReported({ occurredOn: '2021-01-02', casualties: [killed('RWA')] })]);
    const projector = await startProjector();

    await projector.whenReached(last);

    expect(await new FatalitiesReader(database).total()).toBe(1);
    const trail = await new AccessTrailReader(database).page({});
    expect(trail.entries.map((entry) => [entry.stream, entry.actor])).toEqual([
      ['notification-1', 'analytics-spec'],
      [expect.stringMatching(/^incident-/), 'analytics-spec'],
    ]);
  });

  it('resumes after its checkpoints when started again, adding nothing twice', async () => {
    const first = await append(store, [incidentReported({ occurredOn: '2021-01-01', casualties: [killed('NPL'), killed('NPL')] })]);
    const before = await startProjector();
    await before.whenReached(first);
    await before.stop();

    const second = await append(store, [incidentReported({ occurredOn: '2021-01-02', casualties: [killed('RWA')] })]);
    const after = await startProjector();
    await after.whenReached(second);

    expect(await new FatalitiesReader(database).count({ groupBy: 'nationality' })).toEqual({
      total: 3,
      groups: [
        { key: 'NPL', count: 2 },
        { key: 'RWA', count: 1 },
      ],
    });
  });
});
