/**
 * The order of one accused person's steps. Arrest is not required before charges, nor presence
 * before a trial: trials in absentia happen, and are recorded as such.
 */
import type { PersonStep } from '@bluehelm/contracts';
import type { AccusedPerson } from './accused-person.state.js';
import {
  AccusedAlreadyChargedError,
  AccusedAlreadyInCustodyError,
  AccusedAlreadySentencedError,
  AccusedNotChargedError,
  AccusedNotConvictedError,
  AccusedNotInCustodyError,
  AccusedNotTriedError,
  NoVerdictToAppealError,
  SecondTrialWithoutAppealError,
  UnknownAccusedStepError,
  VerdictAlreadyAppealedError,
  VerdictAlreadyGivenError,
  WarrantAlreadyOutstandingError,
} from './case.errors.js';

function requireChargesPending({ personId, standing }: AccusedPerson, step: PersonStep): void {
  if (standing.charges !== 'pending') throw new AccusedNotChargedError(personId, step);
}

/** A verdict stands until it is appealed; an appeal reopens the charges to a new trial or dismissal. */
function standingVerdict({ standing }: AccusedPerson): string | null {
  const trial = standing.trial;
  return trial?.verdict != null && !trial.appealed ? trial.verdict : null;
}

function requireTrialAwaitingVerdict(person: AccusedPerson, step: 'convicted' | 'acquitted'): void {
  requireChargesPending(person, step);
  const trial = person.standing.trial;
  if (trial === null) throw new AccusedNotTriedError(person.personId, step);
  if (trial.verdict !== null) throw new VerdictAlreadyGivenError(person.personId, step, trial.verdict);
}

/** Throws the rule the step would break for this person; returns when the step may follow. */
export function requireStepInOrder(person: AccusedPerson, step: PersonStep): void {
  const { personId, standing } = person;
  switch (step) {
    case 'warrant-issued':
      // Identification is a given: a person is only in the case once identified.
      if (standing.warrantOutstanding) throw new WarrantAlreadyOutstandingError(personId);
      return;
    case 'arrested':
      if (standing.inCustody) throw new AccusedAlreadyInCustodyError(personId);
      return;
    case 'released':
      if (!standing.inCustody) throw new AccusedNotInCustodyError(personId);
      return;
    case 'charged':
      if (standing.charges === 'pending') throw new AccusedAlreadyChargedError(personId);
      return;
    case 'tried':
      requireChargesPending(person, step);
      if (standing.trial !== null && !standing.trial.appealed) throw new SecondTrialWithoutAppealError(personId);
      return;
    case 'convicted':
    case 'acquitted':
      requireTrialAwaitingVerdict(person, step);
      return;
    case 'charges-dismissed': {
      requireChargesPending(person, step);
      const verdict = standingVerdict(person);
      if (verdict !== null) throw new VerdictAlreadyGivenError(personId, step, verdict);
      return;
    }
    case 'sentenced':
      if (standing.trial?.verdict !== 'convicted') throw new AccusedNotConvictedError(personId);
      if (standing.trial.sentenced) throw new AccusedAlreadySentencedError(personId);
      return;
    case 'appealed':
      if (standing.trial?.verdict == null) throw new NoVerdictToAppealError(personId);
      if (standing.trial.appealed) throw new VerdictAlreadyAppealedError(personId);
      return;
    default: {
      // Reachable when a transport passes an unchecked step through.
      const unknown: never = step;
      throw new UnknownAccusedStepError(unknown);
    }
  }
}
