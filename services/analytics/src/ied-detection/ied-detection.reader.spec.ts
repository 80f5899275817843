import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asLogEvents, incidentReported } from '../analytics.fixtures.js';
import { ALL_READ_MODELS, ALL_TABLES } from '../projection/analytics-read-models.js';
import { planBatch } from '../projection/batch.plan.js';
import { SqliteReadModelDatabase } from '../read-model/sqlite-read-model-database.js';
import { IedDetectionReader } from './ied-detection.reader.js';

const ied = (occurredOn: string, detectedBeforeDetonation: boolean | null, mission = 'MINUSMA') =>
  incidentReported({ occurredOn, type: 'ied', detectedBeforeDetonation, mission, hostState: mission === 'MINUSMA' ? 'MLI' : 'CAF' });

const events = asLogEvents([
  ied('2014-02-01', true),
  ...Array.from({ length: 8 }, () => ied('2014-05', false)),
  ied('2020-01-01', true),
  ied('2020-01-02', false),
  ied('2020', null, 'MINUSCA'),
  incidentReported({ occurredOn: '2020-02-02', type: 'ambush' }),
]);

describe('IED detection figures', () => {
  const database = SqliteReadModelDatabase.open(':memory:');
  const reader = new IedDetectionReader(database);

  beforeAll(async () => {
    await database.createTables(ALL_TABLES);
    await database.writeBatch((checkpoints) => planBatch(ALL_READ_MODELS, events, checkpoints));
  });
  afterAll(() => database.close());

  it('rates detections before detonation over every IED incident, per year in order', async () => {
    expect(await reader.figures({ mission: 'MINUSMA', groupBy: 'year' })).toEqual({
      ieds: 11,
      detectedBeforeDetonation: 2,
      rate: 0.1818,
      groups: [
        { key: '2014', ieds: 9, detectedBeforeDetonation: 1, rate: 0.1111 },
        { key: '2020', ieds: 2, detectedBeforeDetonation: 1, rate: 0.5 },
      ],
    });
  });

  it('counts an incident whose report does not say as not detected', async () => {
    expect(await reader.figures({ mission: 'MINUSCA' })).toEqual({ ieds: 1, detectedBeforeDetonation: 0, rate: 0, groups: [] });
  });

  it('has no rate where there is no IED incident', async () => {
    expect(await reader.figures({ mission: 'UNIFIL', groupBy: 'year' })).toEqual({ ieds: 0, detectedBeforeDetonation: 0, rate: null, groups: [] });
  });
});
