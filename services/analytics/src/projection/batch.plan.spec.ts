import { describe, expect, it } from '@jest/globals';
import { asLogEvents, incidentReported, killed } from '../analytics.fixtures.js';
import { fatalitiesReadModel } from '../fatalities/fatalities.table.js';
import { iedDetectionReadModel } from '../ied-detection/ied-detection.table.js';
import { planBatch } from './batch.plan.js';

const events = asLogEvents(
  [
    incidentReported({ occurredOn: '2021-01-05', type: 'ied', casualties: [killed('EGY')] }),
    incidentReported({ occurredOn: '2021-01-06', type: 'ied', casualties: [killed('EGY'), killed('TGO')] }),
  ],
  20,
);

describe('planning a batch', () => {
  it('skips, for each projection, the events at or before its checkpoint', () => {
    const plan = planBatch([fatalitiesReadModel, iedDetectionReadModel], events, new Map([['fatalities', 20]]));

    expect(plan.outcomes).toEqual([
      { name: 'fatalities', rows: 2, lastPosition: 21 },
      { name: 'ied-detection', rows: 2, lastPosition: 21 },
    ]);
    expect(plan.checkpoints).toEqual(new Map([['fatalities', 21], ['ied-detection', 21]]));
  });

  it('writes nothing for a projection that has already applied the whole batch', () => {
    const plan = planBatch([fatalitiesReadModel], events, new Map([['fatalities', 21]]));

    expect(plan).toEqual({ tables: [], checkpoints: new Map(), outcomes: [] });
  });
});
