import { describe, it } from '@jest/globals';
import { projectionSpec } from '@bluehelm/event-sourcing/testing';
import { asLogEvents, caseOpened, incidentReported, injured, killed } from '../analytics.fixtures.js';
import { emptyRowReadModel, evolveRowReadModel } from '../projection/row.projection.js';
import { fatalitiesProjection, type CasualtyRow } from './fatalities.projection.js';

const evolve = evolveRowReadModel(fatalitiesProjection);
const INCIDENT = '6f1c2a52-0b7e-4c8e-9a3e-2d1f0c9b8a71';

describe('the fatalities projection', () => {
  it('adds one row per casualty, dated by its incident with the date precision', () => {
    const [reported] = asLogEvents(
      [
        incidentReported({
          incidentId: INCIDENT,
          occurredOn: '2021-02',
          type: 'ied',
          casualties: [killed('TCD'), injured('SEN', 'police')],
        }),
      ],
      7,
    );
    const common = {
      incidentId: INCIDENT,
      position: 7,
      occurredOn: '2021-02',
      precision: 'month',
      periodStart: '2021-02-01',
      periodEnd: '2021-02-28',
      year: '2021',
      mission: 'MINUSMA',
      hostState: 'MLI',
      category: 'malicious-act',
      type: 'ied',
    } as const;
    const rows: Record<string, CasualtyRow> = {
      '7#0': { ...common, casualtyIndex: 0, personnelType: 'military', nationality: 'TCD', outcome: 'killed' },
      '7#1': { ...common, casualtyIndex: 1, personnelType: 'police', nationality: 'SEN', outcome: 'injured' },
    };

    projectionSpec(evolve, emptyRowReadModel<CasualtyRow>()).given([reported!]).then({ lastPosition: 7, rows });
  });

  it('ignores case events and incidents without casualties, but moves past them', () => {
    const events = asLogEvents([
      incidentReported({ occurredOn: '2020-05-04', casualties: [] }),
      caseOpened('c0ffee00-0000-4000-8000-000000000001', { incidentOccurredOn: '2020-05-04' }, '2020-05-05T10:00:00.000Z'),
    ]);

    projectionSpec(evolve, emptyRowReadModel<CasualtyRow>()).given(events).then({ lastPosition: 1, rows: {} });
  });

  it('leaves out a casualty whose fields are not usable, keeping the others in their places', () => {
    const [reported] = asLogEvents([
      incidentReported({
        incidentId: INCIDENT,
        occurredOn: '2019',
        casualties: [{ nationality: 'BGD', outcome: 'killed' }, killed('BGD')],
      }),
    ]);

    projectionSpec(evolve, emptyRowReadModel<CasualtyRow>())
      .given([reported!])
      .then({
        lastPosition: 0,
        rows: {
          '0#1': {
            incidentId: INCIDENT,
            casualtyIndex: 1,
            position: 0,
            occurredOn: '2019',
            precision: 'year',
            periodStart: '2019-01-01',
            periodEnd: '2019-12-31',
            year: '2019',
            mission: 'MINUSMA',
            hostState: 'MLI',
            category: 'malicious-act',
            type: 'ambush',
            personnelType: 'military',
            nationality: 'BGD',
            outcome: 'killed',
          },
        },
      });
  });
});
