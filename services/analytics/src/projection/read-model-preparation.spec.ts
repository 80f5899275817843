import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ACCESS_TRAIL_TABLE } from '../access-trail/access-trail.table.js';
import { asLogEvents, incidentReported, killed } from '../analytics.fixtures.js';
import { SqliteReadModelDatabase } from '../read-model/sqlite-read-model-database.js';
import { ALL_READ_MODELS, ALL_TABLES, ANALYTICS_GROUP } from './analytics-read-models.js';
import { planBatch } from './batch.plan.js';
import { prepareReadModels } from './read-model-preparation.js';

const events = asLogEvents([
  incidentReported({ occurredOn: '2021-01-01', casualties: [killed('NPL')] }),
  incidentReported({ occurredOn: '2021-01-02', casualties: [killed('RWA')] }),
]);
/** The access trail as the first version made it: a stream in every row. */
const FIRST_ACCESS_TRAIL = {
  ...ACCESS_TRAIL_TABLE,
  columns: ACCESS_TRAIL_TABLE.columns.map((column) => (column.name === 'stream' ? { ...column, nullable: false } : column)),
};

describe('preparing the read models at start', () => {
  let database: SqliteReadModelDatabase;

  beforeEach(() => {
    database = SqliteReadModelDatabase.open(':memory:');
  });
  afterEach(() => database.close());

  const casualties = () => database.query('SELECT * FROM fatality_casualties ORDER BY position');

  it('makes every table of a new database', async () => {
    expect(await prepareReadModels(database, ALL_READ_MODELS)).toEqual([]);

    expect(await database.outdatedTables(ALL_TABLES)).toEqual([]);
    expect(await database.query('SELECT * FROM access_trail')).toEqual([]);
  });

  it('drops a read model an older version made, with its checkpoint, and keeps the others as they are', async () => {
    await database.createTables([...ANALYTICS_GROUP.readModels.map((binding) => binding.table), FIRST_ACCESS_TRAIL]);
    await database.writeBatch((checkpoints) => planBatch(ANALYTICS_GROUP.readModels, events, checkpoints));
    await database.writeBatch(() => ({ tables: [], checkpoints: new Map([['access-trail', 1]]) }));
    const kept = await casualties();

    const dropped = await prepareReadModels(database, ALL_READ_MODELS);

    expect(dropped).toEqual(['access-trail']);
    expect(await database.outdatedTables(ALL_TABLES)).toEqual([]);
    expect(await database.readCheckpoints()).toEqual(new Map([['fatalities', 1], ['ied-detection', 1], ['accountability-facts', 1]]));
    expect(await casualties()).toEqual(kept);
    expect(kept).toHaveLength(2);
  });

  it('changes nothing the second time', async () => {
    await prepareReadModels(database, ALL_READ_MODELS);
    await database.writeBatch((checkpoints) => planBatch(ALL_READ_MODELS, events, checkpoints));
    const trail = await database.query('SELECT * FROM access_trail');

    expect(await prepareReadModels(database, ALL_READ_MODELS)).toEqual([]);

    expect(await database.query('SELECT * FROM access_trail')).toEqual(trail);
    expect(trail).toHaveLength(2);
  });
});
