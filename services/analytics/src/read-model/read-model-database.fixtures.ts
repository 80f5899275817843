// The behaviour both read-model database adapters share, as one suite.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { asLogEvents, incidentReported, killed } from '../analytics.fixtures.js';
import { ACCESS_TRAIL_TABLE } from '../access-trail/access-trail.table.js';
import { ACCESS_TRAIL_GROUP, ALL_READ_MODELS, ALL_TABLES, ANALYTICS_GROUP } from '../projection/analytics-read-models.js';
import { projectionNamesOf, tablesOf } from '../projection/read-model-group.js';
import { planBatch } from '../projection/batch.plan.js';
import { FatalitiesReader } from '../fatalities/fatalities.reader.js';
import { IedDetectionReader } from '../ied-detection/ied-detection.reader.js';
import type { ReadModelDatabase } from './read-model-database.js';

const events = asLogEvents([
  incidentReported({ occurredOn: '2017-08-14', casualties: [killed('BFA'), killed('TGO')] }),
  incidentReported({ occurredOn: '2017-09', type: 'ied', detectedBeforeDetonation: true }),
]);

/**
 * What every read-model database must do, run against each adapter by its own spec: `open` gives
 * a database with no analytics tables yet.
 */
export function describeReadModelDatabase(adapter: string, open: () => Promise<ReadModelDatabase>): void {
  describe(`the ${adapter} read-model database`, () => {
    let database: ReadModelDatabase;

    beforeEach(async () => {
      database = await open();
      await database.createTables(ALL_TABLES);
    });
    afterEach(() => database.close());

    const apply = () => database.writeBatch((checkpoints) => planBatch(ALL_READ_MODELS, events, checkpoints));
    const contents = async () => ({
      casualties: await database.query('SELECT * FROM fatality_casualties ORDER BY incident_id, casualty_index'),
      ieds: await database.query('SELECT * FROM ied_incidents'),
      trail: await database.query('SELECT * FROM access_trail ORDER BY position'),
      checkpoints: await database.readCheckpoints(),
    });

    it('writes the rows and moves each checkpoint in the same transaction', async () => {
      await apply();

      const { casualties, ieds, trail, checkpoints } = await contents();
      expect(casualties).toHaveLength(2);
      expect(ieds).toHaveLength(1);
      expect(trail).toHaveLength(2);
      expect(checkpoints).toEqual(new Map([['fatalities', 1], ['ied-detection', 1], ['accountability-facts', 1], ['access-trail', 1]]));
    });

    it('changes nothing when the same events are applied twice', async () => {
      await apply();
      const once = await contents();

      const again = await apply();

      expect(again.outcomes).toEqual([]);
      expect(await contents()).toEqual(once);
    });

    it('keeps neither rows nor checkpoints of a batch that fails half-way', async () => {
      const failure = await database
        .writeBatch((checkpoints) => {
          const plan = planBatch(ALL_READ_MODELS, events, checkpoints);
          const [casualties, ...others] = plan.tables;
          if (!casualties) throw new Error('the batch has no casualty rows');
          const width = casualties.table.columns.length;
          // A copy of the last casualty under another index, without its incident date.
          const [incidentId = null, , position = null, , ...rest] = casualties.values.slice(-width);
          const withoutDate = [incidentId, 99, position, null, ...rest];
          return { ...plan, tables: [{ ...casualties, values: [...casualties.values, ...withoutDate] }, ...others] };
        })
        .then(() => 'written', (error: unknown) => error);

      // Compared by message: the driver's error class may come from another realm under Jest.
      expect(String(failure)).toMatch(/NOT NULL|not-null/i);

      expect(await contents()).toEqual({ casualties: [], ieds: [], trail: [], checkpoints: new Map() });
    });

    it('starts again from nothing after its tables are dropped', async () => {
      await apply();

      await database.dropReadModels(ALL_TABLES, ALL_READ_MODELS.map((binding) => binding.projection.name));
      await database.createTables(ALL_TABLES);

      expect(await contents()).toEqual({ casualties: [], ieds: [], trail: [], checkpoints: new Map() });
    });

    it('drops the tables and checkpoints of one group, leaving the other group as it was', async () => {
      await apply();
      const before = await contents();

      await database.dropReadModels(tablesOf(ACCESS_TRAIL_GROUP), projectionNamesOf(ACCESS_TRAIL_GROUP));
      await database.createTables(ALL_TABLES);

      const { trail, checkpoints, ...others } = await contents();
      expect(trail).toEqual([]);
      expect(checkpoints).toEqual(new Map([['fatalities', 1], ['ied-detection', 1], ['accountability-facts', 1]]));
      expect(others).toEqual({ casualties: before.casualties, ieds: before.ieds });
    });

    it('drops what it is told of even before any table exists', async () => {
      await database.dropReadModels(tablesOf(ANALYTICS_GROUP), projectionNamesOf(ANALYTICS_GROUP));

      expect(await database.readCheckpoints()).toEqual(new Map());
    });

    it('names the tables an older version made with other columns, not those that are missing', async () => {
      const olderTrail = { ...ACCESS_TRAIL_TABLE, columns: ACCESS_TRAIL_TABLE.columns.map((column) => ({ ...column, nullable: false })) };
      await database.dropReadModels([ACCESS_TRAIL_TABLE], []);
      await database.createTables([olderTrail]);
      const missing = { ...ACCESS_TRAIL_TABLE, name: 'no_such_table' };

      expect(await database.outdatedTables([...ALL_TABLES, missing])).toEqual([ACCESS_TRAIL_TABLE]);
      expect(await database.outdatedTables([olderTrail])).toEqual([]);
    });

    it('answers the fatality and IED queries, grouped or not', async () => {
      await apply();

      expect(await new FatalitiesReader(database).count({ groupBy: 'nationality' })).toEqual({
        total: 2,
        groups: [
          { key: 'BFA', count: 1 },
          { key: 'TGO', count: 1 },
        ],
      });
      expect(await new FatalitiesReader(database).count({ from: '2017', to: '2017' })).toEqual({ total: 2, groups: [] });
      expect(await new IedDetectionReader(database).figures({})).toEqual({ ieds: 1, detectedBeforeDetonation: 1, rate: 1, groups: [] });
      expect(await new IedDetectionReader(database).figures({ groupBy: 'year' })).toMatchObject({
        groups: [{ key: '2017', ieds: 1, detectedBeforeDetonation: 1, rate: 1 }],
      });
    });
  });
}
