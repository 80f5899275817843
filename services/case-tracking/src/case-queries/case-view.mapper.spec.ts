import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@bluehelm/event-store';
import type { CaseEvent } from '../cases/case.events.js';
import {
  accusedIdentified,
  accusedStep,
  CASE_ID,
  caseClosed,
  caseOpened,
  caseReferred,
  INCIDENT_ID,
  incidentLinked,
  investigationOpened,
  OTHER_INCIDENT_ID,
  supportRecorded,
} from '../cases/case.fixtures.js';
import { caseViewFromEvents } from './case-view.mapper.js';

function stored(events: readonly CaseEvent[]): RecordedEvent[] {
  return events.map((event, revision) => ({
    ...event,
    id: `event-${revision}`,
    metadata: {},
    streamName: `case-${CASE_ID}`,
    revision,
    position: 100 + revision,
    createdAt: '2024-06-30T10:00:00.000Z',
  }));
}

const history = stored([
  caseOpened(),
  caseReferred('2021-03-20'),
  investigationOpened('2021-04-01'),
  supportRecorded('forensics-1', '2021-04-05'),
  incidentLinked(OTHER_INCIDENT_ID, '2021-04-10'),
  accusedIdentified('p1', '2021-05-01'),
  { type: 'AccusedIdentified', data: { on: '2021-05-02', personId: 'p2', name: 'Katiba Macina', kind: 'group', affiliation: 'JNIM' } },
  accusedStep('charged', 'p1', '2021-06-01'),
  accusedStep('tried', 'p1', '2022-02-01', { inAbsentia: true }),
  accusedStep('convicted', 'p1', '2022-02-20'),
  accusedStep('sentenced', 'p1', '2022-03-15', { sentence: '20 years' }),
  caseClosed('2023-06-30'),
]);

describe('the view of a case', () => {
  it('shows every fact of the case as it stands, at the revision read', () => {
    expect(caseViewFromEvents(history, null)).toEqual({
      caseId: CASE_ID,
      revision: 11,
      status: 'closed',
      stage: 'closed',
      mission: 'MINUSMA',
      hostState: 'MLI',
      incidentOccurredOn: '2021-03',
      openedOn: '2021-03-15',
      lastStepOn: '2023-06-30',
      incidents: [
        { incidentId: INCIDENT_ID, relation: 'opened-for', on: '2021-03-15' },
        { incidentId: OTHER_INCIDENT_ID, relation: 'linked', on: '2021-04-10' },
      ],
      referral: { on: '2021-03-20', authority: 'Pôle judiciaire spécialisé, Bamako' },
      investigation: { on: '2021-04-01', authority: 'Pôle judiciaire spécialisé, Bamako' },
      accused: [
        {
          personId: 'p1',
          name: 'Accused p1',
          kind: 'individual',
          affiliation: null,
          identifiedOn: '2021-05-01',
          stage: 'sentenced',
          steps: [
            { step: 'identified', on: '2021-05-01' },
            { step: 'charged', on: '2021-06-01' },
            { step: 'tried', on: '2022-02-01', inAbsentia: true },
            { step: 'convicted', on: '2022-02-20' },
            { step: 'sentenced', on: '2022-03-15', sentence: '20 years' },
          ],
        },
        {
          personId: 'p2',
          name: 'Katiba Macina',
          kind: 'group',
          affiliation: 'JNIM',
          identifiedOn: '2021-05-02',
          stage: 'identified',
          steps: [{ step: 'identified', on: '2021-05-02' }],
        },
      ],
      supportActions: [
        { supportId: 'forensics-1', on: '2021-04-05', kind: 'forensic', provider: 'MINUSMA Justice and Corrections Section', description: null },
      ],
      closure: { on: '2023-06-30', reason: 'all proceedings ended' },
      victimNationalities: ['BFA', 'SEN'],
      personalDataErasure: null,
      asOf: null,
    });
  });

  it('shows the case as it stood at the end of a day, at the revision of the stream', () => {
    const view = caseViewFromEvents(history, '2022-02-10');

    expect(view).toMatchObject({ revision: 11, status: 'open', stage: 'trial', closure: null, asOf: '2022-02-10' });
    expect(view?.accused[0]?.stage).toBe('tried');
  });

  it('has no view before the incident, nor without events', () => {
    expect(caseViewFromEvents(history, '2021-02-28')).toBeNull();
    expect(caseViewFromEvents([], null)).toBeNull();
  });
});
