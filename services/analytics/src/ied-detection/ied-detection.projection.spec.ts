import { describe, it } from '@jest/globals';
import { projectionSpec } from '@bluehelm/event-sourcing/testing';
import { asLogEvents, incidentReported, killed } from '../analytics.fixtures.js';
import { emptyRowReadModel, evolveRowReadModel } from '../projection/row.projection.js';
import { iedDetectionProjection, type IedIncidentRow } from './ied-detection.projection.js';

const evolve = evolveRowReadModel(iedDetectionProjection);

describe('the IED detection projection', () => {
  it('adds one row per IED incident with whether it was detected before detonation', () => {
    const events = asLogEvents([
      incidentReported({ incidentId: 'ied-found', occurredOn: '2020-03-02', type: 'ied', detectedBeforeDetonation: true }),
      incidentReported({ incidentId: 'ambush', occurredOn: '2020-03-03', type: 'ambush', casualties: [killed('NER')] }),
      incidentReported({ incidentId: 'ied-unsaid', occurredOn: '2020-04', mission: 'MINUSCA', hostState: 'CAF', type: 'ied' }),
    ]);

    projectionSpec(evolve, emptyRowReadModel<IedIncidentRow>())
      .given(events)
      .then({
        lastPosition: 2,
        rows: {
          '0': {
            incidentId: 'ied-found',
            position: 0,
            occurredOn: '2020-03-02',
            year: '2020',
            mission: 'MINUSMA',
            hostState: 'MLI',
            detectedBeforeDetonation: true,
          },
          '2': {
            incidentId: 'ied-unsaid',
            position: 2,
            occurredOn: '2020-04',
            year: '2020',
            mission: 'MINUSCA',
            hostState: 'CAF',
            detectedBeforeDetonation: null,
          },
        },
      });
  });
});
