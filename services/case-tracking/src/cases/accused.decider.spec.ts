import { describe, expect, it } from '@jest/globals';
import type { PersonStep } from '@bluehelm/contracts';
import { deciderSpec } from '@bluehelm/event-sourcing/testing';
import { caseDecider } from './case.decider.js';
import {
  AccusedAlreadyAddedError,
  AccusedAlreadyChargedError,
  AccusedAlreadyInCustodyError,
  AccusedAlreadySentencedError,
  AccusedNotChargedError,
  AccusedNotConvictedError,
  AccusedNotInCustodyError,
  AccusedNotTriedError,
  AccusedStepBeforePreviousStepError,
  AccusedStepOutOfOrderError,
  DetailNotApplicableError,
  MissingDetailError,
  NoVerdictToAppealError,
  SecondTrialWithoutAppealError,
  UnknownAccusedError,
  UnknownAccusedStepError,
  VerdictAlreadyAppealedError,
  VerdictAlreadyGivenError,
  WarrantAlreadyOutstandingError,
} from './case.errors.js';
import type { CaseEvent } from './case.events.js';
import { accusedIdentified, accusedStep, caseOpened, commands } from './case.fixtures.js';

const spec = deciderSpec(caseDecider);
const identified: CaseEvent[] = [caseOpened(), accusedIdentified('p1', '2021-04-01')];
const charged: CaseEvent[] = [...identified, accusedStep('charged', 'p1', '2021-06-01')];
const tried: CaseEvent[] = [...charged, accusedStep('tried', 'p1', '2022-02-01')];
const convicted: CaseEvent[] = [...tried, accusedStep('convicted', 'p1', '2022-02-20')];
const acquitted: CaseEvent[] = [...tried, accusedStep('acquitted', 'p1', '2022-02-20')];
const step = (name: PersonStep, on = '2022-06-01', details = {}) => commands.recordStep(name, 'p1', on, details);

describe('adding an accused person', () => {
  it('identifies an accused group with its affiliation', () => {
    const command = commands.addAccused('g1', '2021-04-01', 'group');
    const affiliated = { ...command, data: { ...command.data, name: 'Katiba Macina', affiliation: 'JNIM' } };

    spec.given([caseOpened()]).when(affiliated).then([
      { type: 'AccusedIdentified', data: { on: '2021-04-01', personId: 'g1', name: 'Katiba Macina', kind: 'group', affiliation: 'JNIM' } },
    ]);
  });

  it('rejects adding the same person twice', () => {
    const error = spec.given(identified).when(commands.addAccused('p1', '2021-05-01')).thenThrows(AccusedAlreadyAddedError);

    expect(error).toMatchObject({ code: 'accused-already-added', personId: 'p1' });
  });

  it('rejects an accused person without a name', () => {
    const command = commands.addAccused('p2', '2021-05-01');
    const error = spec.given(identified).when({ ...command, data: { ...command.data, name: '' } }).thenThrows(MissingDetailError);

    expect(error.field).toBe('name');
  });
});

describe('rules of every step of an accused person', () => {
  it('rejects a step for a person who is not in the case', () => {
    const error = spec.given(identified).when(commands.recordStep('charged', 'p9', '2021-06-01')).thenThrows(UnknownAccusedError);

    expect(error.personId).toBe('p9');
  });

  it("rejects a step dated before the person's previous step", () => {
    const error = spec.given(charged).when(step('tried', '2021-05-31')).thenThrows(AccusedStepBeforePreviousStepError);

    expect(error).toMatchObject({ code: 'accused-step-before-previous-step', personId: 'p1', step: 'tried' });
  });

  it("accepts a step on the same day as the person's previous step", () => {
    spec.given(charged).when(step('tried', '2021-06-01')).then([accusedStep('tried', 'p1', '2021-06-01')]);
  });

  it("does not hold one person's dates against another", () => {
    const withSecond = [...charged, accusedIdentified('p2', '2021-04-15')];

    spec.given(withSecond).when(commands.recordStep('arrested', 'p2', '2021-05-01')).then([accusedStep('arrested', 'p2', '2021-05-01')]);
  });

  it('rejects a step that is none of the steps of an accused person', () => {
    const error = spec.given(identified).when(step('pardoned' as PersonStep)).thenThrows(UnknownAccusedStepError);

    expect(error.step).toBe('pardoned');
  });

  it('carries the court and a note into the event', () => {
    spec.given(charged).when(step('tried', '2022-02-01', { court: "Cour d'assises de Bamako", note: 'first hearing' })).then([
      { type: 'AccusedTried', data: { on: '2022-02-01', personId: 'p1', inAbsentia: false, court: "Cour d'assises de Bamako", note: 'first hearing' } },
    ]);
  });

  it('rejects a sentence given with a step other than sentencing', () => {
    const error = spec.given(tried).when(step('convicted', '2022-02-20', { sentence: '10 years' })).thenThrows(DetailNotApplicableError);

    expect(error).toMatchObject({ field: 'sentence', step: 'convicted' });
  });

  it('rejects in absentia given with a step other than a trial, conviction or sentence', () => {
    const error = spec.given(identified).when(step('arrested', '2021-05-01', { inAbsentia: true })).thenThrows(DetailNotApplicableError);

    expect(error).toMatchObject({ code: 'detail-not-applicable', field: 'inAbsentia', step: 'arrested' });
  });

  it('records a conviction and a sentence pronounced in absentia', () => {
    spec.given(tried).when(step('convicted', '2022-02-20', { inAbsentia: true })).then([
      { type: 'AccusedConvicted', data: { on: '2022-02-20', personId: 'p1', inAbsentia: true } },
    ]);
    spec.given(convicted).when(step('sentenced', '2022-02-20', { inAbsentia: true, sentence: 'life imprisonment' })).then([
      { type: 'AccusedSentenced', data: { on: '2022-02-20', personId: 'p1', sentence: 'life imprisonment', inAbsentia: true } },
    ]);
  });

  it('makes every order rule an AccusedStepOutOfOrderError', () => {
    const error = spec.given(identified).when(step('convicted')).thenThrows(AccusedStepOutOfOrderError);

    expect(error.code).toBe('accused-not-charged');
  });
});

describe('warrants, arrests and releases', () => {
  it('issues a warrant for an identified person', () => {
    spec.given(identified).when(step('warrant-issued', '2021-04-10')).then([accusedStep('warrant-issued', 'p1', '2021-04-10')]);
  });

  it('rejects a second warrant while the first is outstanding', () => {
    const history = [...identified, accusedStep('warrant-issued', 'p1', '2021-04-10')];

    spec.given(history).when(step('warrant-issued', '2021-05-10')).thenThrows(WarrantAlreadyOutstandingError);
  });

  it('issues a new warrant once an arrest executed the earlier one', () => {
    const history = [
      ...identified,
      accusedStep('warrant-issued', 'p1', '2021-04-10'),
      accusedStep('arrested', 'p1', '2021-04-20'),
      accusedStep('released', 'p1', '2021-05-01'),
    ];

    spec.given(history).when(step('warrant-issued', '2021-06-10')).then([accusedStep('warrant-issued', 'p1', '2021-06-10')]);
  });

  it('arrests a person without a warrant', () => {
    spec.given(identified).when(step('arrested', '2021-04-02')).then([accusedStep('arrested', 'p1', '2021-04-02')]);
  });

  it('rejects arresting a person already in custody', () => {
    spec.given([...identified, accusedStep('arrested', 'p1', '2021-04-02')]).when(step('arrested')).thenThrows(AccusedAlreadyInCustodyError);
  });

  it('arrests a person again after a release', () => {
    const history = [...identified, accusedStep('arrested', 'p1', '2021-04-02'), accusedStep('released', 'p1', '2021-05-02')];

    spec.given(history).when(step('arrested', '2021-07-02')).then([accusedStep('arrested', 'p1', '2021-07-02')]);
  });

  it('rejects releasing a person who is not in custody', () => {
    spec.given(identified).when(step('released')).thenThrows(AccusedNotInCustodyError);
  });
});

describe('charges and trial', () => {
  it('charges a person who was never arrested', () => {
    spec.given(identified).when(step('charged', '2021-06-01')).then([accusedStep('charged', 'p1', '2021-06-01')]);
  });

  it('rejects charging a person twice', () => {
    spec.given(charged).when(step('charged')).thenThrows(AccusedAlreadyChargedError);
  });

  it('rejects charging an acquitted person again on the same case', () => {
    spec.given(acquitted).when(step('charged')).thenThrows(AccusedAlreadyChargedError);
  });

  it('charges a person again after the earlier charges were dismissed', () => {
    const dismissed = [...charged, accusedStep('charges-dismissed', 'p1', '2021-09-01')];

    spec.given(dismissed).when(step('charged', '2022-01-10')).then([accusedStep('charged', 'p1', '2022-01-10')]);
  });

  it('tries a person in absentia', () => {
    spec.given(charged).when(step('tried', '2022-02-01', { inAbsentia: true })).then([accusedStep('tried', 'p1', '2022-02-01', { inAbsentia: true })]);
  });

  it('rejects a trial before charges are filed', () => {
    spec.given(identified).when(step('tried')).thenThrows(AccusedNotChargedError);
  });

  it('rejects a trial on charges that were dismissed', () => {
    spec.given([...charged, accusedStep('charges-dismissed', 'p1', '2021-09-01')]).when(step('tried')).thenThrows(AccusedNotChargedError);
  });

  it('rejects a second trial that no appeal preceded', () => {
    spec.given(convicted).when(step('tried')).thenThrows(SecondTrialWithoutAppealError);
  });

  it('rejects a second trial while the first awaits its verdict', () => {
    spec.given(tried).when(step('tried')).thenThrows(SecondTrialWithoutAppealError);
  });

  it('tries a person again after an appeal', () => {
    const appealed = [...convicted, accusedStep('appealed', 'p1', '2022-03-01')];

    spec.given(appealed).when(step('tried', '2023-01-10')).then([accusedStep('tried', 'p1', '2023-01-10')]);
  });
});

describe('verdicts and dismissal', () => {
  it('convicts a person after the trial', () => {
    spec.given(tried).when(step('convicted', '2022-02-20')).then([accusedStep('convicted', 'p1', '2022-02-20')]);
  });

  it('acquits a person after the trial', () => {
    spec.given(tried).when(step('acquitted', '2022-02-20')).then([accusedStep('acquitted', 'p1', '2022-02-20')]);
  });

  it('rejects a conviction before charges are filed', () => {
    spec.given(identified).when(step('convicted')).thenThrows(AccusedNotChargedError);
  });

  it('rejects a conviction before the person is tried', () => {
    spec.given(charged).when(step('convicted')).thenThrows(AccusedNotTriedError);
  });

  it('rejects an acquittal before the person is tried', () => {
    spec.given(charged).when(step('acquitted')).thenThrows(AccusedNotTriedError);
  });

  it('rejects an acquittal after the same trial convicted the person', () => {
    const error = spec.given(convicted).when(step('acquitted')).thenThrows(VerdictAlreadyGivenError);

    expect(error.message).toContain('convicted');
  });

  it('rejects a second conviction from the same trial', () => {
    spec.given(convicted).when(step('convicted')).thenThrows(VerdictAlreadyGivenError);
  });

  it('gives the retrial after an appeal its own verdict', () => {
    const retried = [...convicted, accusedStep('appealed', 'p1', '2022-03-01'), accusedStep('tried', 'p1', '2023-01-10')];

    spec.given(retried).when(step('acquitted', '2023-02-01')).then([accusedStep('acquitted', 'p1', '2023-02-01')]);
  });

  it('dismisses pending charges before any trial', () => {
    spec.given(charged).when(step('charges-dismissed', '2021-09-01')).then([accusedStep('charges-dismissed', 'p1', '2021-09-01')]);
  });

  it('rejects dismissing charges that were never filed', () => {
    spec.given(identified).when(step('charges-dismissed')).thenThrows(AccusedNotChargedError);
  });

  it('rejects dismissing charges after a verdict', () => {
    spec.given(acquitted).when(step('charges-dismissed')).thenThrows(VerdictAlreadyGivenError);
  });

  it('dismisses the charges once the verdict is under appeal', () => {
    const appealed = [...convicted, accusedStep('appealed', 'p1', '2022-03-01')];

    spec.given(appealed).when(step('charges-dismissed', '2022-09-01')).then([accusedStep('charges-dismissed', 'p1', '2022-09-01')]);
  });
});

describe('sentence and appeal', () => {
  it('sentences a convicted person', () => {
    spec.given(convicted).when(step('sentenced', '2022-02-20', { sentence: 'life imprisonment' })).then([
      { type: 'AccusedSentenced', data: { on: '2022-02-20', personId: 'p1', sentence: 'life imprisonment' } },
    ]);
  });

  it('rejects a sentence that says nothing of the sentence', () => {
    const error = spec.given(convicted).when(step('sentenced', '2022-02-20')).thenThrows(MissingDetailError);

    expect(error.field).toBe('sentence');
  });

  it('rejects sentencing an acquitted person', () => {
    spec.given(acquitted).when(step('sentenced', '2022-03-01', { sentence: '5 years' })).thenThrows(AccusedNotConvictedError);
  });

  it('rejects sentencing a person who was only tried', () => {
    spec.given(tried).when(step('sentenced', '2022-03-01', { sentence: '5 years' })).thenThrows(AccusedNotConvictedError);
  });

  it('rejects a second sentence for the same conviction', () => {
    const sentenced = [...convicted, accusedStep('sentenced', 'p1', '2022-02-20')];

    spec.given(sentenced).when(step('sentenced', '2022-03-01', { sentence: '5 years' })).thenThrows(AccusedAlreadySentencedError);
  });

  it('sentences a person again when a retrial convicts anew', () => {
    const reconvicted = [
      ...convicted,
      accusedStep('sentenced', 'p1', '2022-02-20'),
      accusedStep('appealed', 'p1', '2022-03-01'),
      accusedStep('tried', 'p1', '2023-01-10'),
      accusedStep('convicted', 'p1', '2023-02-01'),
    ];

    spec.given(reconvicted).when(step('sentenced', '2023-02-01', { sentence: '8 years' })).then([
      accusedStep('sentenced', 'p1', '2023-02-01', { sentence: '8 years' }),
    ]);
  });

  it('appeals an acquittal', () => {
    spec.given(acquitted).when(step('appealed', '2022-03-01')).then([accusedStep('appealed', 'p1', '2022-03-01')]);
  });

  it('rejects an appeal before any verdict', () => {
    spec.given(tried).when(step('appealed')).thenThrows(NoVerdictToAppealError);
  });

  it('rejects a second appeal of the same verdict', () => {
    spec.given([...convicted, accusedStep('appealed', 'p1', '2022-03-01')]).when(step('appealed')).thenThrows(VerdictAlreadyAppealedError);
  });
});
