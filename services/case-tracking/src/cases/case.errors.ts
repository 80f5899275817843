/**
 * Every rule of the case lifecycle that a command can break, one class per failure. `code` is
 * stable and reaches clients (problem+json, RPC errors); messages are for people.
 */
import { DomainError } from '@bluehelm/event-sourcing';
import type { PersonStep } from '@bluehelm/contracts';

export class CaseNotOpenedError extends DomainError {
  readonly code = 'case-not-opened';
  constructor() {
    super('the case has not been opened yet');
  }
}

export class CaseOpenedForAnotherIncidentError extends DomainError {
  readonly code = 'case-opened-for-another-incident';
  constructor(
    readonly openedFor: string,
    readonly requestedFor: string,
  ) {
    super(`the case was opened for incident ${openedFor}, not ${requestedFor}`);
  }
}

export class CaseClosedError extends DomainError {
  readonly code = 'case-closed';
  constructor(readonly closedOn: string) {
    super(`the case was closed on ${closedOn}; no step can be recorded after closure`);
  }
}

export class CaseAlreadyReferredError extends DomainError {
  readonly code = 'case-already-referred';
  constructor(readonly referredOn: string) {
    super(`the case was already referred on ${referredOn}`);
  }
}

export class InvestigationAlreadyOpenedError extends DomainError {
  readonly code = 'investigation-already-opened';
  constructor(readonly openedOn: string) {
    super(`an investigation was already opened on ${openedOn}`);
  }
}

export class InvalidDateError extends DomainError {
  readonly code = 'invalid-date';
  constructor(
    readonly field: string,
    readonly value: unknown,
  ) {
    super(`${field} must be a real calendar date, got ${JSON.stringify(value)}`);
  }
}

export class MissingDetailError extends DomainError {
  readonly code = 'missing-detail';
  constructor(readonly field: string) {
    super(`${field} is required`);
  }
}

export class DetailNotApplicableError extends DomainError {
  readonly code = 'detail-not-applicable';
  constructor(
    readonly field: string,
    readonly step: PersonStep,
  ) {
    super(`${field} does not apply to the step ${step}`);
  }
}

export class StepDatedInFutureError extends DomainError {
  readonly code = 'step-dated-in-future';
  constructor(
    readonly on: string,
    readonly today: string,
  ) {
    super(`${on} is after today (${today})`);
  }
}

export class StepBeforeIncidentError extends DomainError {
  readonly code = 'step-before-incident';
  constructor(
    readonly on: string,
    readonly incidentOccurredOn: string,
  ) {
    super(`${on} is before the incident (${incidentOccurredOn})`);
  }
}

export class StepBeforeCaseOpeningError extends DomainError {
  readonly code = 'step-before-case-opening';
  constructor(
    readonly on: string,
    readonly openedOn: string,
  ) {
    super(`${on} is before the case was opened (${openedOn})`);
  }
}

export class ClosureBeforeLastStepError extends DomainError {
  readonly code = 'closure-before-last-step';
  constructor(
    readonly on: string,
    readonly lastStepOn: string,
  ) {
    super(`the case cannot be closed on ${on}: its last step was on ${lastStepOn}`);
  }
}

export class UnknownAccusedError extends DomainError {
  readonly code = 'unknown-accused';
  constructor(readonly personId: string) {
    super(`no accused person ${personId} in this case`);
  }
}

export class AccusedAlreadyAddedError extends DomainError {
  readonly code = 'accused-already-added';
  constructor(readonly personId: string) {
    super(`accused person ${personId} is already in this case`);
  }
}

export class UnknownAccusedStepError extends DomainError {
  readonly code = 'unknown-accused-step';
  constructor(readonly step: unknown) {
    super(`${JSON.stringify(step)} is not a step of an accused person`);
  }
}

export class SupportActionAlreadyRecordedError extends DomainError {
  readonly code = 'support-action-already-recorded';
  constructor(readonly supportId: string) {
    super(`support action ${supportId} is already recorded`);
  }
}

export class IncidentIsTheCaseOwnError extends DomainError {
  readonly code = 'incident-is-the-case-own';
  constructor(readonly incidentId: string) {
    super(`incident ${incidentId} is the one the case was opened for`);
  }
}

export class IncidentAlreadyLinkedError extends DomainError {
  readonly code = 'incident-already-linked';
  constructor(readonly incidentId: string) {
    super(`incident ${incidentId} is already linked to the case`);
  }
}

// The order of an accused person's steps has its own file; importers need only this one.
export * from './accused-step.errors.js';
