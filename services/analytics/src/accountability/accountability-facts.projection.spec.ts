import { describe, expect, it } from '@jest/globals';
import { projectionSpec } from '@bluehelm/event-sourcing/testing';
import { asLogEvents, caseEvent, caseOpened, incidentReported } from '../analytics.fixtures.js';
import { emptyRowReadModel, evolveRowReadModel } from '../projection/row.projection.js';
import { accountabilityFactsProjection, type AccountabilityFact } from './accountability-facts.projection.js';

const evolve = evolveRowReadModel(accountabilityFactsProjection);
const CASE = '0d7e4b1a-5c55-5e1b-9c61-2f0f4d2b7a10';
const PERSON = '4a0f6c1e-8d2b-4f5e-a1c3-9b7d2e6f8a01';

describe('the accountability facts projection', () => {
  it('keeps one fact per case event with its world date, its recording time and its person', () => {
    const events = asLogEvents(
      [
        caseOpened(CASE, { hostState: 'MLI', mission: 'MINUSMA', incidentOccurredOn: '2019-06' }, '2019-07-01T08:00:00.000Z'),
        caseEvent(CASE, 'AccusedIdentified', { on: '2020-01-10', personId: PERSON, name: 'A. B.', kind: 'individual' }, '2020-01-11T09:00:00.000Z'),
        caseEvent(CASE, 'AccusedConvicted', { on: '2021-03-01', personId: PERSON }, '2021-03-02T09:00:00.000Z'),
        caseEvent(CASE, 'SupportActionRecorded', { on: '2020-02-01', supportId: 's1', kind: 'forensic', provider: 'UNPOL' }, '2020-02-02T09:00:00.000Z'),
      ],
      10,
    );
    const base = { caseId: CASE, personId: null, hostState: null, mission: null, supportKind: null };
    const facts: Record<string, AccountabilityFact> = {
      '10': { ...base, position: 10, kind: 'case-opened', on: '2019-06-01', recordedAt: '2019-07-01T08:00:00.000Z', hostState: 'MLI', mission: 'MINUSMA' },
      '11': { ...base, position: 11, kind: 'identified', on: '2020-01-10', recordedAt: '2020-01-11T09:00:00.000Z', personId: PERSON },
      '12': { ...base, position: 12, kind: 'convicted', on: '2021-03-01', recordedAt: '2021-03-02T09:00:00.000Z', personId: PERSON },
      '13': { ...base, position: 13, kind: 'support-action', on: '2020-02-01', recordedAt: '2020-02-02T09:00:00.000Z', supportKind: 'forensic' },
    };

    projectionSpec(evolve, emptyRowReadModel<AccountabilityFact>()).given(events).then({ lastPosition: 13, rows: facts });
  });

  it('takes no fact from incident streams or from a step without a usable date', () => {
    const events = asLogEvents([
      incidentReported({ occurredOn: '2020-01-01' }),
      caseEvent(CASE, 'CaseReferred', { on: 'last spring', authority: 'Parquet de Bamako' }, '2020-02-02T09:00:00.000Z'),
    ]);

    projectionSpec(evolve, emptyRowReadModel<AccountabilityFact>()).given(events).then({ lastPosition: 1, rows: {} });
  });

  it('falls back to the commit time when the metadata has no recordedAt', () => {
    const [closed] = asLogEvents([caseEvent(CASE, 'CaseClosed', { on: '2022-05-05', reason: 'verdict final' }, '2022-05-06T00:00:00.000Z')]);

    const facts = accountabilityFactsProjection.rowsOf({ ...closed!, metadata: {}, createdAt: '2022-05-07T12:00:00.000Z' });

    expect(facts.map((fact) => [fact.kind, fact.recordedAt])).toEqual([['case-closed', '2022-05-07T12:00:00.000Z']]);
  });
});
