/**
 * The order of an accused person's steps. They share a base class so that a transport can answer
 * all of them alike (a conflict with the person's standing) while each keeps its own code.
 */
import { DomainError } from '@bluehelm/event-sourcing';
import type { PersonStep } from '@bluehelm/contracts';

export abstract class AccusedStepOutOfOrderError extends DomainError {
  constructor(
    readonly personId: string,
    readonly step: PersonStep,
    why: string,
  ) {
    super(`cannot record ${step} for accused person ${personId}: ${why}`);
  }
}

export class AccusedStepBeforePreviousStepError extends AccusedStepOutOfOrderError {
  readonly code = 'accused-step-before-previous-step';
  constructor(personId: string, step: PersonStep, on: string, lastStepOn: string) {
    super(personId, step, `${on} is before the person's previous step (${lastStepOn})`);
  }
}

export class WarrantAlreadyOutstandingError extends AccusedStepOutOfOrderError {
  readonly code = 'warrant-already-outstanding';
  constructor(personId: string) {
    super(personId, 'warrant-issued', 'an earlier warrant has not been executed');
  }
}

export class AccusedAlreadyInCustodyError extends AccusedStepOutOfOrderError {
  readonly code = 'accused-already-in-custody';
  constructor(personId: string) {
    super(personId, 'arrested', 'the person is already in custody');
  }
}

export class AccusedNotInCustodyError extends AccusedStepOutOfOrderError {
  readonly code = 'accused-not-in-custody';
  constructor(personId: string) {
    super(personId, 'released', 'the person is not in custody');
  }
}

export class AccusedAlreadyChargedError extends AccusedStepOutOfOrderError {
  readonly code = 'accused-already-charged';
  constructor(personId: string) {
    super(personId, 'charged', 'charges against the person are already filed');
  }
}

export class AccusedNotChargedError extends AccusedStepOutOfOrderError {
  readonly code = 'accused-not-charged';
  constructor(personId: string, step: PersonStep) {
    super(personId, step, 'no charges are pending against the person');
  }
}

export class SecondTrialWithoutAppealError extends AccusedStepOutOfOrderError {
  readonly code = 'second-trial-without-appeal';
  constructor(personId: string) {
    super(personId, 'tried', 'the person was already tried and no appeal followed');
  }
}

export class AccusedNotTriedError extends AccusedStepOutOfOrderError {
  readonly code = 'accused-not-tried';
  constructor(personId: string, step: PersonStep) {
    super(personId, step, 'the person has not been tried');
  }
}

export class VerdictAlreadyGivenError extends AccusedStepOutOfOrderError {
  readonly code = 'verdict-already-given';
  constructor(personId: string, step: PersonStep, verdict: string) {
    super(personId, step, `the trial already ended in ${verdict}`);
  }
}

export class AccusedNotConvictedError extends AccusedStepOutOfOrderError {
  readonly code = 'accused-not-convicted';
  constructor(personId: string) {
    super(personId, 'sentenced', 'the person has not been convicted');
  }
}

export class AccusedAlreadySentencedError extends AccusedStepOutOfOrderError {
  readonly code = 'accused-already-sentenced';
  constructor(personId: string) {
    super(personId, 'sentenced', 'the person was already sentenced for this conviction');
  }
}

export class NoVerdictToAppealError extends AccusedStepOutOfOrderError {
  readonly code = 'no-verdict-to-appeal';
  constructor(personId: string) {
    super(personId, 'appealed', 'the person has no verdict to appeal');
  }
}

export class VerdictAlreadyAppealedError extends AccusedStepOutOfOrderError {
  readonly code = 'verdict-already-appealed';
  constructor(personId: string) {
    super(personId, 'appealed', 'the verdict is already under appeal');
  }
}
