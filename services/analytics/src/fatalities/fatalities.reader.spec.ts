import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asLogEvents, incidentReported, injured, killed } from '../analytics.fixtures.js';
import { ALL_READ_MODELS, ALL_TABLES } from '../projection/analytics-read-models.js';
import { planBatch } from '../projection/batch.plan.js';
import { SqliteReadModelDatabase } from '../read-model/sqlite-read-model-database.js';
import { InvertedRangeError } from './fatalities.query.js';
import { FatalitiesReader } from './fatalities.reader.js';

const events = asLogEvents([
  incidentReported({ occurredOn: '2020-03-15', type: 'ied', casualties: [killed('TCD'), killed('TCD'), injured('TCD')] }),
  incidentReported({ occurredOn: '2020-03', mission: 'MINUSCA', hostState: 'CAF', casualties: [killed('BGD', 'police')] }),
  incidentReported({ occurredOn: '2020', type: null, casualties: [killed('EGY')] }),
  incidentReported({ occurredOn: '2021-01-02', category: 'accident', type: null, casualties: [killed('SEN', 'civilian-local')] }),
]);

describe('fatality counts', () => {
  const database = SqliteReadModelDatabase.open(':memory:');
  const reader = new FatalitiesReader(database);

  beforeAll(async () => {
    await database.createTables(ALL_TABLES);
    await database.writeBatch((checkpoints) => planBatch(ALL_READ_MODELS, events, checkpoints));
  });
  afterAll(() => database.close());

  it('counts only casualties that were killed', async () => {
    expect(await reader.count({})).toEqual({ total: 5, groups: [] });
  });

  it('groups by count, highest first, then by key', async () => {
    expect(await reader.count({ groupBy: 'nationality' })).toEqual({
      total: 5,
      groups: [
        { key: 'TCD', count: 2 },
        { key: 'BGD', count: 1 },
        { key: 'EGY', count: 1 },
        { key: 'SEN', count: 1 },
      ],
    });
  });

  it('names an incident reported without a type as unspecified', async () => {
    expect(await reader.count({ groupBy: 'type' })).toEqual({
      total: 5,
      groups: [
        { key: 'ied', count: 2 },
        { key: 'unspecified', count: 2 },
        { key: 'ambush', count: 1 },
      ],
    });
  });

  it('takes an incident dated to a month or a year only when its whole period is in the range', async () => {
    const march2020 = await reader.count({ from: '2020-03', to: '2020-03' });
    const spring2020 = await reader.count({ from: '2020-03-01', to: '2020-06-30' });
    const year2020 = await reader.count({ from: '2020', to: '2020' });
    const fromMarch = await reader.count({ from: '2020-03-10' });

    expect(march2020.total).toBe(3);
    expect(spring2020.total).toBe(3);
    expect(year2020.total).toBe(4);
    expect(fromMarch.total).toBe(3);
  });

  it('filters by category, mission and host state', async () => {
    expect((await reader.count({ category: 'accident' })).total).toBe(1);
    expect((await reader.count({ mission: 'MINUSCA', groupBy: 'personnelType' })).groups).toEqual([{ key: 'police', count: 1 }]);
    expect((await reader.count({ hostState: 'MLI', groupBy: 'year' })).groups).toEqual([
      { key: '2020', count: 3 },
      { key: '2021', count: 1 },
    ]);
  });

  it('refuses a range whose end comes before its start', async () => {
    await expect(reader.count({ from: '2021', to: '2020-12' })).rejects.toBeInstanceOf(InvertedRangeError);
  });
});
