import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '@bluehelm/event-sourcing/testing';
import { caseDecider } from './case.decider.js';
import {
  CaseAlreadyReferredError,
  CaseClosedError,
  CaseNotOpenedError,
  CaseOpenedForAnotherIncidentError,
  ClosureBeforeLastStepError,
  IncidentAlreadyLinkedError,
  IncidentIsTheCaseOwnError,
  InvalidDateError,
  InvestigationAlreadyOpenedError,
  MissingDetailError,
  StepBeforeCaseOpeningError,
  StepBeforeIncidentError,
  StepDatedInFutureError,
  SupportActionAlreadyRecordedError,
} from './case.errors.js';
import type { CaseEvent } from './case.events.js';
import {
  CASE_ID,
  INCIDENT_ID,
  OPENED_ON,
  OTHER_INCIDENT_ID,
  TODAY,
  accusedIdentified,
  accusedStep,
  caseClosed,
  caseOpened,
  caseReferred,
  commands,
  incidentLinked,
  investigationOpened,
  supportRecorded,
} from './case.fixtures.js';

const spec = deciderSpec(caseDecider);
const opened = [caseOpened()];

describe('opening a case', () => {
  it('opens a case for the incident with its mission, host state, dates and victims\' nationalities, each once', () => {
    spec.given([]).when(commands.openCase({ victimNationalities: ['SEN', 'BFA', 'SEN'] })).then([
      {
        type: 'CaseOpened',
        data: {
          caseId: CASE_ID,
          incidentId: INCIDENT_ID,
          mission: 'MINUSMA',
          hostState: 'MLI',
          incidentOccurredOn: '2021-03',
          openedOn: OPENED_ON,
          victimNationalities: ['BFA', 'SEN'],
        },
      },
    ]);
  });

  it('decides nothing when the same incident opens the case again', () => {
    spec.given(opened).when(commands.openCase()).then([]);
  });

  it('decides nothing when the same incident arrives again after the case was closed', () => {
    spec.given([...opened, caseClosed('2022-01-10')]).when(commands.openCase()).then([]);
  });

  it('rejects opening the case for another incident', () => {
    const error = spec.given(opened).when(commands.openCase({ incidentId: OTHER_INCIDENT_ID })).thenThrows(CaseOpenedForAnotherIncidentError);

    expect(error).toMatchObject({ code: 'case-opened-for-another-incident', openedFor: INCIDENT_ID, requestedFor: OTHER_INCIDENT_ID });
  });

  it('opens a case on the first day of an incident known only to the year', () => {
    spec
      .given([])
      .when(commands.openCase({ incidentOccurredOn: '2021', openedOn: '2021-01-01' }))
      .then([caseOpened({ incidentOccurredOn: '2021', openedOn: '2021-01-01' })]);
  });

  it('rejects an opening dated before the first day the incident could have happened', () => {
    const error = spec.given([]).when(commands.openCase({ openedOn: '2021-02-28' })).thenThrows(StepBeforeIncidentError);

    expect(error.code).toBe('step-before-incident');
  });

  it('rejects an opening dated after today', () => {
    spec.given([]).when(commands.openCase({ openedOn: '2024-07-01' })).thenThrows(StepDatedInFutureError);
  });

  it('rejects an incident dated after today', () => {
    spec.given([]).when(commands.openCase({ incidentOccurredOn: '2025', openedOn: TODAY })).thenThrows(StepDatedInFutureError);
  });

  it.each(['2021-02-30', '2021-13', '21-03', 'March 2021'])('rejects the incident date %s, which is no calendar date', (date) => {
    const error = spec.given([]).when(commands.openCase({ incidentOccurredOn: date })).thenThrows(InvalidDateError);

    expect(error).toMatchObject({ code: 'invalid-date', field: 'incidentOccurredOn' });
  });

  it('rejects a case without a mission', () => {
    const error = spec.given([]).when(commands.openCase({ mission: ' ' })).thenThrows(MissingDetailError);

    expect(error.field).toBe('mission');
  });
});

// Every command but the opening, each dated on an otherwise acceptable day.
const steps = [
  ['a referral', commands.referCase('2021-04-01')],
  ['an investigation', commands.openInvestigation('2021-04-01')],
  ['an accused person', commands.addAccused('p1', '2021-04-01')],
  ['an accused step', commands.recordStep('warrant-issued', 'p1', '2021-04-01')],
  ['a support action', commands.recordSupport('s1', '2021-04-01')],
  ['a linked incident', commands.linkIncident(OTHER_INCIDENT_ID, '2021-04-01')],
  ['a closure', commands.closeCase('2021-04-01')],
] as const;

describe('rules of every step', () => {
  it.each(steps)('rejects %s on a case that was never opened', (_name, command) => {
    const error = spec.given([]).when(command).thenThrows(CaseNotOpenedError);

    expect(error.code).toBe('case-not-opened');
  });

  it.each(steps)('rejects %s after the case was closed', (_name, command) => {
    const error = spec.given([...opened, accusedIdentified('p1', '2021-03-20'), caseClosed('2021-03-31')]).when(command).thenThrows(CaseClosedError);

    expect(error).toMatchObject({ code: 'case-closed', closedOn: '2021-03-31' });
  });

  const futureSteps = [
    ['a referral', commands.referCase('2024-07-01')],
    ['an accused person', commands.addAccused('p2', '2024-07-01')],
    ['a support action', commands.recordSupport('s1', '2024-07-01')],
    ['a closure', commands.closeCase('2024-07-01')],
  ] as const;

  it.each(futureSteps)('rejects %s dated after today', (_name, command) => {
    const error = spec.given(opened).when(command).thenThrows(StepDatedInFutureError);

    expect(error).toMatchObject({ on: '2024-07-01', today: TODAY });
  });

  it('accepts a step dated today', () => {
    spec.given(opened).when(commands.recordSupport('s1', TODAY)).then([supportRecorded('s1', TODAY)]);
  });

  it('rejects a step dated before the incident month began', () => {
    const error = spec.given(opened).when(commands.recordSupport('s1', '2021-02-28')).thenThrows(StepBeforeIncidentError);

    expect(error).toMatchObject({ on: '2021-02-28', incidentOccurredOn: '2021-03' });
  });

  it('accepts a step on the first day of the incident month, whatever day the incident was', () => {
    spec.given(opened).when(commands.addAccused('p1', '2021-03-01')).then([accusedIdentified('p1', '2021-03-01')]);
  });

  it('rejects a step before an incident known only to the year', () => {
    spec
      .given([caseOpened({ incidentOccurredOn: '2021' })])
      .when(commands.linkIncident(OTHER_INCIDENT_ID, '2020-12-31'))
      .thenThrows(StepBeforeIncidentError);
  });

  it.each(['2021-02-29', '2021-04-31', '2021-4-1', ''])('rejects the step date %p, which is no calendar day', (on) => {
    const error = spec.given(opened).when(commands.recordSupport('s1', on)).thenThrows(InvalidDateError);

    expect(error.field).toBe('on');
  });

  it('rejects a command whose today is no calendar day', () => {
    const command = commands.recordSupport('s1', '2021-04-01');
    const error = spec.given(opened).when({ ...command, data: { ...command.data, today: '30/06/2024' } }).thenThrows(InvalidDateError);

    expect(error.field).toBe('today');
  });
});

describe('referral and investigation', () => {
  it('refers the case to a host-state authority', () => {
    spec.given(opened).when(commands.referCase('2021-04-02')).then([caseReferred('2021-04-02')]);
  });

  it('rejects a second referral', () => {
    const error = spec.given([...opened, caseReferred('2021-04-02')]).when(commands.referCase('2021-05-01')).thenThrows(CaseAlreadyReferredError);

    expect(error).toMatchObject({ code: 'case-already-referred', referredOn: '2021-04-02' });
  });

  it('rejects a referral dated before the case was opened', () => {
    const error = spec.given(opened).when(commands.referCase('2021-03-14')).thenThrows(StepBeforeCaseOpeningError);

    expect(error).toMatchObject({ on: '2021-03-14', openedOn: OPENED_ON });
  });

  it('rejects a referral that names no authority', () => {
    const error = spec.given(opened).when(commands.referCase('2021-04-02', '')).thenThrows(MissingDetailError);

    expect(error.field).toBe('authority');
  });

  it('opens an investigation that no referral preceded', () => {
    spec.given(opened).when(commands.openInvestigation('2021-03-20')).then([investigationOpened('2021-03-20')]);
  });

  it('rejects an investigation dated before the case was opened', () => {
    spec.given(opened).when(commands.openInvestigation('2021-03-10')).thenThrows(StepBeforeCaseOpeningError);
  });

  it('rejects a second investigation', () => {
    spec
      .given([...opened, investigationOpened('2021-03-20')])
      .when(commands.openInvestigation('2021-06-01'))
      .thenThrows(InvestigationAlreadyOpenedError);
  });
});

describe('support actions and linked incidents', () => {
  it('records a support action with its description', () => {
    const command = commands.recordSupport('s1', '2021-05-01', 'court-security');
    const described = { ...command, data: { ...command.data, description: 'escort of witnesses to the hearing' } };

    spec.given(opened).when(described).then([
      {
        type: 'SupportActionRecorded',
        data: {
          on: '2021-05-01',
          supportId: 's1',
          kind: 'court-security',
          provider: 'MINUSMA Justice and Corrections Section',
          description: 'escort of witnesses to the hearing',
        },
      },
    ]);
  });

  it('leaves an absent description out of the event rather than recording it as undefined', () => {
    const [event] = caseDecider.decide(commands.recordSupport('s1', '2021-05-01'), caseDecider.evolve(caseDecider.initialState(), caseOpened()));

    expect(Object.keys(event?.data ?? {})).toEqual(['on', 'supportId', 'kind', 'provider']);
  });

  it('rejects a support action recorded twice under the same id', () => {
    spec
      .given([...opened, supportRecorded('s1', '2021-05-01')])
      .when(commands.recordSupport('s1', '2021-06-01', 'training'))
      .thenThrows(SupportActionAlreadyRecordedError);
  });

  it('links another incident to the case', () => {
    spec.given(opened).when(commands.linkIncident(OTHER_INCIDENT_ID, '2021-04-10')).then([incidentLinked(OTHER_INCIDENT_ID, '2021-04-10')]);
  });

  it('rejects linking the incident the case was opened for', () => {
    spec.given(opened).when(commands.linkIncident(INCIDENT_ID, '2021-04-10')).thenThrows(IncidentIsTheCaseOwnError);
  });

  it('rejects linking an incident that is already linked', () => {
    spec
      .given([...opened, incidentLinked(OTHER_INCIDENT_ID, '2021-04-10')])
      .when(commands.linkIncident(OTHER_INCIDENT_ID, '2021-05-10'))
      .thenThrows(IncidentAlreadyLinkedError);
  });
});

describe('closure', () => {
  const convicted: CaseEvent[] = [
    ...opened,
    accusedIdentified('p1', '2021-04-01'),
    accusedStep('charged', 'p1', '2021-06-01'),
    accusedStep('tried', 'p1', '2022-02-01'),
    accusedStep('convicted', 'p1', '2022-02-20'),
  ];

  it('closes the case with its reason', () => {
    spec.given(convicted).when(commands.closeCase('2022-03-01', 'final judgment')).then([caseClosed('2022-03-01', 'final judgment')]);
  });

  it('closes the case on the day of its last step', () => {
    spec.given(convicted).when(commands.closeCase('2022-02-20')).then([caseClosed('2022-02-20')]);
  });

  it('rejects a closure dated before the last step of the case', () => {
    const error = spec.given(convicted).when(commands.closeCase('2022-02-19')).thenThrows(ClosureBeforeLastStepError);

    expect(error).toMatchObject({ code: 'closure-before-last-step', lastStepOn: '2022-02-20' });
  });

  it('rejects a closure dated before a step that was recorded earlier but happened later', () => {
    const history = [...opened, supportRecorded('s2', '2023-01-15'), supportRecorded('s1', '2021-05-01')];

    spec.given(history).when(commands.closeCase('2022-12-31')).thenThrows(ClosureBeforeLastStepError);
  });

  it('rejects a closure dated before the case was opened', () => {
    spec.given(opened).when(commands.closeCase('2021-03-14')).thenThrows(ClosureBeforeLastStepError);
  });

  it('rejects a closure without a reason', () => {
    const error = spec.given(convicted).when(commands.closeCase('2022-03-01', '   ')).thenThrows(MissingDetailError);

    expect(error.field).toBe('reason');
  });
});

describe('recording an erasure of personal data', () => {
  it('records the erasure with its reason and the keys destroyed, dated today', () => {
    spec.given(opened).when(commands.recordErasure('court order 2024/17', 2)).then([
      { type: 'PersonalDataErased', data: { on: TODAY, reason: 'court order 2024/17', keysDestroyed: 2 } },
    ]);
  });

  it('records it on a closed case too, where every step is refused', () => {
    spec.given([...opened, caseClosed('2022-01-10')]).when(commands.recordErasure()).then([
      { type: 'PersonalDataErased', data: { on: TODAY, reason: 'court order 2024/17', keysDestroyed: 1 } },
    ]);
  });

  it('rejects an erasure for a case never opened, and one without a reason', () => {
    spec.given([]).when(commands.recordErasure()).thenThrows(CaseNotOpenedError);
    spec.given(opened).when(commands.recordErasure('  ')).thenThrows(MissingDetailError);
  });
});
